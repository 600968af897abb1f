"""The home area's screens."""
