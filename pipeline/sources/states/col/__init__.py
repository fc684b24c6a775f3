"""Colima: the Congress's law catalogue (``laws``)."""
