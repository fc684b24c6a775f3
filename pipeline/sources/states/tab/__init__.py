"""Tabasco: the Congress's law page of WordPress uploads (``laws``)."""
