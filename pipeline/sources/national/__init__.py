"""National sources covering the 32 states: Orden Jurídico Nacional and SCJN legislation (see coverage)."""
