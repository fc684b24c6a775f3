"""Coahuila: the Congress's catalogue of state laws in force (WordPress) (``laws``)."""
