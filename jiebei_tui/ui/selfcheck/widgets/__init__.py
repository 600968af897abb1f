"""Widgets of the self-check area."""
