"""proteja stage: derive."""
