"""The calls area's screens."""
