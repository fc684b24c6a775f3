"""One package per state, named by the lower-case code of ``data/reference/jurisdictions.csv`` (``agu`` … ``zac``).

Each package holds ``laws`` (the congress or official compilation law catalogue), and ``bills`` and
``gazette`` modules where those pages are documented. A state with no package yet is listed by
``proteja coverage`` as having no source.
"""
