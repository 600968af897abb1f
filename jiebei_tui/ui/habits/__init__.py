"""The habits area's screens."""
