"""proteja: tracks Mexican anti-trafficking laws and bills."""
__version__ = "0.1.0"
