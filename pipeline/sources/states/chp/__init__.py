"""Chiapas — Congreso del Estado, "Legislación vigente" catalogue."""
