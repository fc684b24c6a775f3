"""Sonora: the Congress's law catalogue through its public JSON API (``laws``)."""
