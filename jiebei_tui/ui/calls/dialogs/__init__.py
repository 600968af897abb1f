"""Dialogs of the calls area."""
