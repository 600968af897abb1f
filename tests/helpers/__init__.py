"""Samples several test modules share (importable as ``helpers``: see pythonpath in pyproject.toml)."""
