"""Baja California Sur: the Congress's law table (Joomla) (``laws``)."""
