"""Nuevo León — H. Congreso del Estado, law catalogue (trabajo_legislativo/leyes)."""
