"""Quintana Roo: the Congress's law catalogue (``laws``)."""
