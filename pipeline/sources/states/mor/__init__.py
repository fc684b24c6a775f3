"""Morelos: the executive's Marco Jurídico catalogue of laws (``laws``)."""
