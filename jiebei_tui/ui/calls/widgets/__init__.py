"""Widgets of the calls area."""
