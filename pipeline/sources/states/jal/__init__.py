"""Jalisco — H. Congreso del Estado, Biblioteca Virtual law list (ColdFusion)."""
