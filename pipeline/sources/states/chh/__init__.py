"""Chihuahua: the Congress's law library (``laws``)."""
