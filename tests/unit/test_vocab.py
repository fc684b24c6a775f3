import re

import pytest

from pipeline.core import vocab
from pipeline.store import schema


def test_every_value_has_a_written_meaning():
    for name, values in vocab.ALL_VOCABULARIES.items():
        assert values, name
        for code, meaning in values.items():
            assert code == code.lower() and " " not in code, (name, code)
            assert len(meaning) > 10, (name, code)


def test_derogation_is_not_abrogation():
    assert "provisions_derogated" in vocab.EVENT_TYPES and "abrogated" in vocab.EVENT_TYPES
    assert "instrument stays in force" in vocab.EVENT_TYPES["provisions_derogated"]
    assert "whole instrument" in vocab.EVENT_TYPES["abrogated"]


def test_approved_published_in_force_invalidated_are_distinct():
    for code in ("approved", "published", "entered_into_force", "invalidated", "provisions_invalidated"):
        assert code in vocab.EVENT_TYPES
    assert vocab.TERMINAL_BILL_EVENTS == {"published", "rejected", "withdrawn", "expired"}
    assert "approved" not in vocab.TERMINAL_BILL_EVENTS


def test_check_rejects_unknown_values_naming_them():
    assert vocab.check("event_type", "reformed") == "reformed"
    with pytest.raises(ValueError, match="'repealed' is not a valid event_type"):
        vocab.check("event_type", "repealed")


def test_schema_check_constraints_come_from_the_vocabulary():
    rendered = schema.render("CHECK (x IN {{vocab:evidence_kind}})")
    assert rendered == "CHECK (x IN ('curated', 'scraped'))"
    for path in schema.table_files():
        assert not re.search(r"\{\{vocab:[a-z_]+\}\}", schema.render(path.read_text()))
