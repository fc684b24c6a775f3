"""proteja stage: parse."""
