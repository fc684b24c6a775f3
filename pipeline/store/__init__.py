"""proteja stage: store."""
