"""Oaxaca — H. Congreso del Estado, "Legislación estatal" catalogue."""
