"""The Diario Oficial de la Federación: SIDOF JSON, the dof.gob.mx HTML fallback and the legacy web service.

Three ways into the same gazette (``../shared/sources.md`` §1):

* **SIDOF JSON** (preferred, UTF-8): ``/notas/{DD-MM-YYYY}`` lists a day's notes per edition and
  ``/notas/nota/{codNota}`` gives one note with its HTML in ``cadenaContenido``. A missing day is
  answered *200 OK with every list empty* — the same answer as a Sunday — so an empty weekday is
  ``unknown``, never "no gazette", and is cross-checked on dof.gob.mx.
* **dof.gob.mx** (cp1252, undeclared): the daily ``index.php`` is a flat table of banners and note
  links in document order; ``nota_detalle.php`` wraps the note in ``<HTML>…</HTML>`` inside
  ``DivDetalleNota`` and shows ``DOF: 31/12/1969`` for an unknown code. The index has been seen
  serving another day's page, so its printed ``Fecha:`` is checked against the date asked for.
* **WS_getDiarioFull.php** (legacy JSON, real sample in ``real-samples/dof``): ``ejemplares`` →
  ``secciones`` → ``contentsection`` (power) → ``content`` (issuing body) → ``content`` (notes).

Every page object returns plain *note dicts* (``cod_nota, date, edition, section, organism, issuer,
title, url, trafficking, category``) for ``proteja inspect``; the source turns the notes it can tie
to a tracked instrument into :class:`~pipeline.core.records.EventRecord` s.
"""

from pipeline.sources.federal.dof.crawl import (
    DayResult,
    evidence_for,
    get_once,
    read_sidof_day,
    stored_response,
)
from pipeline.sources.federal.dof.info import (
    GAZETTE,
    INFO,
    RECHECK_DAYS,
    SIDOF_BASE,
    WEB_INFO,
    dof_index_url,
    nota_detalle_url,
    sidof_day_url,
    sidof_note_url,
)  # fmt: skip
from pipeline.sources.federal.dof.notes import (
    LGPSEDMTP,
    LPSTP_2007,
    RULING_HEAD_CHARS,
    classify_note,
    law_actions,
    make_note,
    note_category,
    note_events,
    plain_text,
)  # fmt: skip
from pipeline.sources.federal.dof.pages import (
    DofIndexPage,
    DofNotePage,
    OtherDayServed,
    SidofDayPage,
    SidofNotePage,
    WsDayPage,
    parse_ws_ndjson,
)  # fmt: skip
from pipeline.sources.federal.dof.source import INSPECT_KINDS, SOURCE, DofSource, inspect_ws_day

__all__ = [
    "GAZETTE", "INFO", "INSPECT_KINDS", "LGPSEDMTP", "LPSTP_2007", "RECHECK_DAYS", "RULING_HEAD_CHARS", "SIDOF_BASE",
    "SOURCE", "WEB_INFO", "DayResult", "DofIndexPage", "DofNotePage", "DofSource", "OtherDayServed", "SidofDayPage",
    "SidofNotePage", "WsDayPage", "classify_note", "dof_index_url", "evidence_for", "get_once", "inspect_ws_day",
    "law_actions", "make_note", "nota_detalle_url", "note_category", "note_events", "parse_ws_ndjson", "plain_text",
    "read_sidof_day", "sidof_day_url", "sidof_note_url", "stored_response",
]  # fmt: skip
