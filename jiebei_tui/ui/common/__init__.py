"""Widgets and screen bases that several areas share."""
