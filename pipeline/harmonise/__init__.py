"""Harmonisation scorecard (issue 18): each law version's provisions against the element catalogue.

Stage rank 5, between store and derive: it reads the parsed ``provisions`` the loader wrote and writes
``element_findings`` (and ``element_reviews`` for findings below the confidence threshold), which the
``scorecard(d)`` macro in ``pipeline/sql/derive/040_scorecard.sql`` joins to the law in force.
"""
