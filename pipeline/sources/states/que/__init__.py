"""Querétaro — Poder Legislativo del Estado, law catalogue (leyes)."""
