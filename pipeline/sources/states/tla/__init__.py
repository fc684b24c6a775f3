"""Tlaxcala — Congreso del Estado, law catalogue (legislacion)."""
