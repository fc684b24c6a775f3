import pytest

from pipeline.core import jurisdictions
from pipeline.core.jurisdictions import UnknownJurisdiction, resolve

# Every spelling the sources in shared/sources.md use (OJN state folders, LegismEx folder names,
# SCJN "estado" values, congress headers), plus common abbreviations.
ALIASES = {
    "Distrito Federal": "MX-CMX",
    "CDMX": "MX-CMX",
    "cdmx": "MX-CMX",
    "Ciudad de México": "MX-CMX",
    "Estado de México": "MX-MEX",
    "Edomex": "MX-MEX",
    "EDOMEX": "MX-MEX",
    "México": "MX-MEX",
    "Coahuila de Zaragoza": "MX-COA",
    "Coahuila": "MX-COA",
    "Michoacán de Ocampo": "MX-MIC",
    "MICHOACAN": "MX-MIC",
    "Veracruz de Ignacio de la Llave": "MX-VER",
    "veracruz": "MX-VER",
    "NUEVO LEON": "MX-NLE",
    "nuevoleon": "MX-NLE",
    "NL": "MX-NLE",
    "bajacalifornia": "MX-BCN",
    "Baja California Sur": "MX-BCS",
    "CHIAPAS": "MX-CHP",
    "GUANAJUATO": "MX-GUA",
    "JALISCO": "MX-JAL",
    "PUEBLA": "MX-PUE",
    "Querétaro Arteaga": "MX-QUE",
    "QUERETARO": "MX-QUE",
    "Q. Roo": "MX-ROO",
    "QROO": "MX-ROO",
    "San Luis Potosi": "MX-SLP",
    "SLP": "MX-SLP",
    "TAMPS": "MX-TAM",
    "Yucatan": "MX-YUC",
    "Estado de Chiapas": "MX-CHP",
    "Estado Libre y Soberano de Oaxaca": "MX-OAX",
    "07": "MX-CHP",  # INEGI clave
    "7": "MX-CHP",  # OJN edo=7
    "9": "MX-CMX",  # OJN edo=9
    "8": "MX-CHH",
    "MX-ZAC": "MX-ZAC",
    "ZAC": "MX-ZAC",
    "Federación": "MX",
}


@pytest.mark.parametrize(("name", "code"), sorted(ALIASES.items()))
def test_alias_resolves(name, code):
    assert resolve(name) == code


def test_reference_has_federation_and_32_states_in_inegi_order():
    rows = jurisdictions.load()
    assert len(rows) == 33
    states = jurisdictions.states()
    assert len(states) == 32
    assert [s.inegi for s in states] == [f"{i:02d}" for i in range(1, 33)]
    assert jurisdictions.by_code("MX-COA").official_name == "Coahuila de Zaragoza"
    assert jurisdictions.by_code("MX-MEX").official_name == "México"


def test_every_official_and_common_name_resolves_to_itself():
    for j in jurisdictions.load():
        assert resolve(j.official_name) == j.code
        assert resolve(j.name) == j.code
        for alias in j.aliases:
            assert resolve(alias) == j.code


def test_unknown_name_raises():
    with pytest.raises(UnknownJurisdiction, match="Atlantis"):
        resolve("Atlantis")
