"""Veracruz — H. Congreso del Estado (LegisVer), law catalogue."""
