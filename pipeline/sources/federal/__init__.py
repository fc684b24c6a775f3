"""Federal sources: LeyesBiblio, the Diario Oficial de la Federación and the SIL (Gobernación)."""
