"""Durango: the Congress's law catalogue (``laws``)."""
