"""Tamaulipas — H. Congreso del Estado, "Legislación vigente" list (classic ASP)."""
