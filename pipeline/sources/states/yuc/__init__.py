"""Yucatán — H. Congreso del Estado, law catalogue (legislacion/leyes)."""
