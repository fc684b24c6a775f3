"""Aguascalientes: the Congress's law catalogue (``laws``)."""
