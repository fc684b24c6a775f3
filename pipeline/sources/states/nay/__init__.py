"""Nayarit: the Congress's law catalogue through the WordPress REST API (``laws``)."""
