"""Orden Jurídico Nacional (SEGOB compilación): ordenamientos of the 32 states, every branch of power."""
