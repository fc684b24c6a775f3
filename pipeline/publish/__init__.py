"""proteja stage: publish."""
