"""Screens, widgets and the App."""
