"""The real Durango PDFs through the state profile: every value below was read in the PDF (pdftotext).

durango_ley_victimas.pdf: title-page line "DECRETO 338, LXVII LEGISLATURA, PERIODICO OFICIAL No. 104 DE FECHA
28 DE DICIEMBRE DE 2017."; running header "DATOS DE PUBLICACION: / DEC. 221 P.O. 104 BIS DEL 29 DE DICIEMBRE
DE 2019."; closing list: 338 (the original) and 221.
durango_ley_mujeres_vida_sin_violencia.pdf: "PUBLICADO EN EL PERIÓDICO OFICIAL No. 53, DE FECHA 30/12/2007,
DECRETO 68, LXIV LEGISLATURA."; running header "FECHA DE ULTIMA REFORMA: DEC. 337 P. O. 51 DEL 25 DE JUNIO DE
2020."; closing list of 16 printed reform decrees after the original 68, then decree 337's text without its
own publication line (dated from the header and the inline "REFORMADO POR DEC. 337 P.O. 51 …" notes).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.parse.law import parse_law
from tests.conftest import REAL_SAMPLES

pytestmark = pytest.mark.real
D = dt.date

MUJERES_DECREES = [
    ("94", "38", D(2011, 5, 12), "LXV"),
    ("200", "46", D(2011, 12, 8), "LXV"),  # "DECRETO No. 200, …"
    ("317", "19", D(2015, 3, 5), "LXVI"),  # "PERIODICO OFICIAL 19" without "No."
    ("86", "19", D(2017, 3, 5), "LXVII"),  # "No. 19 DE 5 DE MARZO" without "FECHA"
    ("209", "92", D(2017, 11, 16), "LXVII"),
    ("230", "93", D(2017, 11, 19), "LXVII"),
    ("373", "43", D(2018, 5, 31), "LXVII"),
    ("374", "43", D(2018, 5, 31), "LXVII"),
    ("51", "42 EXTRAORDINARIO", D(2018, 12, 25), "LXVIII"),
    ("75", "26", D(2019, 3, 31), "LXVIII"),
    ("76", "26", D(2019, 3, 31), "LXVIII"),
    ("116", "63", D(2019, 8, 8), "LXVIII"),  # "PERIODICO OFICIAL # 63"
    ("225", "104 BIS", D(2019, 12, 29), "LXVIII"),
    ("243", "104 BIS", D(2019, 12, 29), "LXVIII"),
    ("263", "20", D(2020, 3, 8), "LXVIII"),
    ("264", "20", D(2020, 3, 8), "LXVIII"),  # "DEC. 264, …"
    ("337", "51", D(2020, 6, 25), None),  # not printed in the list: from the header, marked inferred
]


def _parse(name: str):
    path = REAL_SAMPLES / "state-laws" / name
    if not path.is_file():
        pytest.skip("../shared/real-samples not present (the Durango PDFs are needed)")
    return parse_law(path.read_bytes())


@pytest.fixture(scope="module")
def victimas():
    return _parse("durango_ley_victimas.pdf")


@pytest.fixture(scope="module")
def mujeres():
    return _parse("durango_ley_mujeres_vida_sin_violencia.pdf")


def _decrees(doc):
    return [(d.publication.decree, d.publication.issue, d.publication.date, d.publication.legislatura)
            for d in doc.reform_decrees]  # fmt: skip


def test_victimas_publication_last_reform_and_decrees(victimas):
    assert victimas.profile == "state-periodico-oficial"
    pub = victimas.published
    assert (pub.issue, pub.date, pub.decree, pub.legislatura) == ("104", D(2017, 12, 28), "338", "LXVII")
    assert (victimas.last_reform, victimas.last_reform_source) == (D(2019, 12, 29), "running_header")
    assert _decrees(victimas) == [("221", "104 BIS", D(2019, 12, 29), "LXVIII")]
    assert victimas.text_status == "vigente"


def test_mujeres_publication_last_reform_and_the_full_decree_list(mujeres):
    assert mujeres.profile == "state-periodico-oficial"
    pub = mujeres.published
    assert (pub.issue, pub.date, pub.decree, pub.legislatura) == ("53", D(2007, 12, 30), "68", "LXIV")
    assert (mujeres.last_reform, mujeres.last_reform_source) == (D(2020, 6, 25), "running_header")
    assert _decrees(mujeres) == MUJERES_DECREES
    assert [d.inferred for d in mujeres.reform_decrees] == [False] * 16 + [True]
    assert all(d.publication.gazette == "Periódico Oficial" for d in mujeres.reform_decrees)


def test_mujeres_inline_notes_carry_decree_and_issue(mujeres):
    notes = {(e.effect, e.date, e.decree, e.gazette) for e in mujeres.effects if e.source == "note"}
    assert ("reforma", D(2020, 6, 25), "337", "P.O. 51") in notes  # "ARTICULO REFORMADO POR DEC. 337 P.O. 51 …"
    assert ("reforma", D(2017, 11, 19), "230", "P.O. 93") in notes  # "… POR DEC. 230 P.O. 93 DE FECHA 19 DE …"
