"""Baja California — Congreso del Estado, law catalogue (TrabajoLegislativo/Leyes)."""
