"""One module per official source. See :mod:`pipeline.sources.base` and :mod:`pipeline.sources.registry`."""
