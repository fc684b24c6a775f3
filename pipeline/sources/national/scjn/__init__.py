"""SCJN Sistema de Consulta de Legislación: the dating source for the 32 states (coverage note only, see legislacion)."""
