"""Guerrero: the Congress's law catalogue (``laws``)."""
