"""Sinaloa: the Congress's law catalogue (``laws``)."""
