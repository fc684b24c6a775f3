"""proteja stage: validate — the great-expectations gate every publication must pass.

``suites.validate_database`` runs the checks declared in ``expectations`` (per table) and ``loss``
(against the previous publication) and writes ``validation.json``. great-expectations is imported
only inside ``gx_runner``, when a validation actually runs.
"""
