"""Zacatecas: the executive's legal compilation (Coordinación General Jurídica) as a law catalogue (``laws``)."""
