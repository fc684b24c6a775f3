"""Puebla: the executive's Orden Jurídico Poblano (Joomla K2) (``laws``)."""
