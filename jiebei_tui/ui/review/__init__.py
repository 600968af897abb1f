"""The review area's screens."""
