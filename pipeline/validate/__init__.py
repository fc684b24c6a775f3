"""proteja stage: validate."""
