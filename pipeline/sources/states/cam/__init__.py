"""Campeche: the executive's LEXIUS compilation as the state law catalogue (``laws``)."""
