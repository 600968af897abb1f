"""The plans area's screens."""
