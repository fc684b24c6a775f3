"""Hidalgo — Congreso del Estado, "Acervo legislativo" law catalogue."""
