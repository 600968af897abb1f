"""The selfcheck area's screens."""
