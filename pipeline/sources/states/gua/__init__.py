"""Guanajuato — Congreso del Estado, paginated law catalogue (leyes)."""
