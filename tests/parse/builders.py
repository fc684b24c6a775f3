"""Generate small law documents (PDF via reportlab, DOCX via zipfile) that reproduce the layouts
and traps of the real publishers, with invented text. Nothing here is copied from a real law."""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from reportlab.lib import pdfencrypt
from reportlab.pdfgen import canvas

LINES_PER_PAGE = 28


def pdf_from_pages(pages: list[list[str]], *, encrypt: str | None = None) -> bytes:
    """One PDF page per list of lines, top to bottom."""
    buffer = io.BytesIO()
    encryption = pdfencrypt.StandardEncryption(encrypt, ownerPassword="owner") if encrypt else None
    pdf = canvas.Canvas(buffer, encrypt=encryption)
    for lines in pages:
        y = 800
        for line in lines:
            pdf.setFont("Helvetica", 9)
            pdf.drawString(40, y, line)
            y -= 13
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def paginate(body: list[str], header: list[str], footer=None, per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    """Split body lines into pages, each with the running header (and "k de N" or a footer)."""
    chunks = [body[i : i + per_page] for i in range(0, len(body), per_page)]
    total = len(chunks)
    pages = []
    for k, chunk in enumerate(chunks, start=1):
        top = [line.format(page=k, total=total) for line in header]
        bottom = [footer.format(page=k, total=total)] if footer else []
        pages.append(top + chunk + bottom)
    return pages


FEDERAL_HEADER = [
    "LEY MODELO PARA PREVENIR Y SANCIONAR LA TRATA DE PERSONAS Y PARA LA",
    "ATENCIÓN DE SUS VÍCTIMAS",
    "CÁMARA DE DIPUTADOS DEL H. CONGRESO DE LA UNIÓN",
    "Secretaría General",
    "Secretaría de Servicios Parlamentarios",
    "Última Reforma DOF 02-06-2022",  # stale running header: the title page says 2023
    "{page} de {total}",
]

FEDERAL_BODY = [
    "LEY MODELO PARA PREVENIR Y SANCIONAR LA TRATA DE PERSONAS Y PARA LA",
    "ATENCIÓN DE SUS VÍCTIMAS",
    "Nueva Ley publicada en el Diario Oficial de la Federación el 1o. de abril de 2010",
    "TEXTO VIGENTE",
    "Última reforma publicada DOF 05-09-2023",
    "Al margen un sello con el Escudo Nacional, que dice: Estados Unidos Mexicanos.",
    "DECRETO",
    "Artículo Primero.- Se expide la Ley Modelo para Prevenir y Sancionar la Trata de Personas.",
    "LIBRO PRIMERO",
    "DISPOSICIONES SUSTANTIVAS",
    "TÍTULO PRIMERO",
    "DISPOSICIONES GENERALES",
    "CAPÍTULO I",
    "Objeto",
    "Artículo 1o. La presente Ley es de orden público y tiene por objeto la protec-",
    "ción de las víctimas, conforme al",
    "Artículo 89 de la Constitución, en los términos siguientes.",
    "Artículo 2o. Esta Ley tiene por objeto:",
    "I. Establecer competencias;",
    "Fracción reformada DOF 05-09-2023",
    "II. Se deroga.",
    "Fracción derogada DOF 10-02-2015",
    "III. Reparar el daño, en los casos siguientes:",
    "a) Cuando exista sentencia;",
    "b) Cuando lo ordene la autoridad.",
    "Inciso reformado DOF 10-02-2015, 05-09-2023",
    "Las autoridades aplicarán esta Ley de oficio.",
    "Párrafo adicionado DOF 05-09-2023",
    "Artículo 3o. Son principios de esta Ley la máxima protección y el interés superior.",
    "Artículo reformado DOF 10-02-2015",
    "CAPÍTULO II",
    "De las Autoridades",
    "Denominación del Capítulo reformada DOF 10-02-2015",
    "Artículo 4o. Las autoridades coordinarán sus acciones.",
    "Artículo 5. Comete el delito quien capte o traslade a una persona con fines de explotación.",
    "Artículo 5 Bis. La pena se agravará cuando la víctima sea menor de edad.",
    "Artículo adicionado DOF 10-02-2015",
    "Artículo 5 Ter.- Se impondrá la misma pena a quien encubra el delito.",
    "Artículo adicionado DOF 05-09-2023",
    "Artículo 5 Quáter.- (Se deroga)",
    "Artículo derogado DOF 05-09-2023",
    "Artículo 6o. Ninguna víctima será sancionada por los delitos que haya cometido como",
    "consecuencia de su situación de víctima.",
    "Artículo 7.- Se deroga.",
    "Artículo derogado DOF 10-02-2015",
    "Artículo 8. La Comisión rendirá un informe anual.",
    "TRANSITORIOS",
    "Primero. La presente Ley entrará en vigor el día siguiente al de su publicación.",
    "Segundo.- Se abroga la ley anterior en la materia, publicada el 27 de noviembre de 2007.",
    "Artículo Segundo. ……….",
    "TRANSITORIO",
    "ÚNICO.- El presente Decreto entrará en vigor el día siguiente de su publicación.",
    "México, D.F., a 20 de marzo de 2010.- Dip. Fulano de Tal, Presidente.- Rúbricas.",
    "ARTÍCULOS TRANSITORIOS DE DECRETOS DE REFORMA",
    "DECRETO por el que se reforman y derogan diversas disposiciones de la Ley Modelo",
    "para Prevenir y Sancionar la Trata de Personas.",
    "Publicado en el Diario Oficial de la Federación el 10 de febrero de 2015",
    "Artículo Único.- Se reforman los artículos 2o., fracción III, inciso b); 3o.; y se deroga la",
    "fracción II del artículo 2o. y el artículo 7 de la Ley Modelo, para quedar como sigue:",
    "……….",
    "TRANSITORIO",
    "Único.- El presente Decreto entrará en vigor al día siguiente de su publicación.",
    "México, D.F., a 3 de febrero de 2015.- Sen. Mengano, Presidente.- Rúbricas.",
    "DECRETO por el que se adicionan los artículos 5 Ter y un párrafo al artículo 2o.",
    "de la Ley Modelo.",
    "Publicado en el Diario Oficial de la Federación el 5 de septiembre de 2023",
    "Artículo Único.- Se adiciona el artículo 5 Ter; se reforma la fracción I del artículo 2o., y",
    "se deroga el artículo 5 Quáter de la Ley Modelo, para quedar como sigue:",
    "Transitorios",
    "Primero. El presente Decreto entrará en vigor al día siguiente de su publicación.",
    "Segundo. Se derogan las disposiciones que se opongan al presente Decreto.",
    "Ciudad de México, a 30 de agosto de 2023.- Dip. Zutano, Presidente.- Rúbricas.",
]


def federal_pdf(**kwargs) -> bytes:
    return pdf_from_pages(paginate(FEDERAL_BODY, FEDERAL_HEADER, per_page=18), **kwargs)


STATE_HEADER = [
    "LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS DE TRATA DEL ESTADO MODELO",
    "FECHA DE ULTIMA REFORMA:",
    "DEC. 45 P. O. 12 DEL 3 DE MARZO DE 2022.",
]

STATE_BODY = [
    "LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS DE TRATA DEL ESTADO MODELO.",
    "PUBLICADO EN EL PERIÓDICO OFICIAL No. 7, DE FECHA 15/01/2015, DECRETO 101, LXVI LEGISLATURA.",
    "CAPÍTULO I",
    "DISPOSICIONES GENERALES",
    "ARTÍCULO 1. Esta ley es de orden público.",
    "ARTICULO REFORMADO POR DEC. 45 P.O. 12 DE FECHA 3 DE MARZO DE 2022.",
    "ARTÍCULO 2. Para los efectos de esta Ley se entenderá por:",
    "I. Comisión: la Comisión Estatal;",
    "II. Víctima: la persona que sufre el delito;",
    "FRACCIÓN REFORMADA POR DEC. 30 P.O. 88 DEL 2 DE NOVIEMBRE DE 2019.",
    "III. Ley: la presente Ley.",
    "ARTÍCULO 12 BIS. La Comisión llevará un registro.",
    "ARTICULO ADICIONADO POR DEC. 30 P.O. 88 DEL 2 DE NOVIEMBRE DE 2019.",
    "ARTÍCULO 13. (DEROGADO)",
    "TRANSITORIOS",
    "ARTÍCULO PRIMERO. La presente Ley entrará en vigor al día siguiente de su publicación.",
    "ARTÍCULO SEGUNDO. Se derogan las disposiciones que se opongan a la presente Ley.",
    "El Ciudadano Gobernador del Estado, dispondrá se publique, circule y observe.",
    "Dado en el Salón de Sesiones del Honorable Congreso del Estado, a los 10 días de enero de 2015.",
    "DECRETO 101, LXVI LEGISLATURA, PERIÓDICO OFICIAL No. 7, DE FECHA 15/01/2015",
    "--------------------------------------------------------------------------------",
    "DECRETO 30, LXVII LEGISLATURA, PERIODICO OFICIAL No. 88 DE FECHA 2 DE",
    "NOVIEMBRE DE 2019.",
    "ARTÍCULO ÚNICO.- SE REFORMA LA FRACCIÓN II DEL ARTÍCULO 2 Y SE ADICIONA EL ARTÍCULO 12 BIS",
    "DE LA LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS DE TRATA DEL ESTADO MODELO.",
    "ARTÍCULOS TRANSITORIOS",
    "PRIMERO. - El presente decreto entrará en vigor al día siguiente de su publicación.",
    "SEGUNDO. - Se derogan todas las disposiciones que se opongan al presente Decreto.",
    "Dado en el Salón de Sesiones del Honorable Congreso del Estado, a los 20 días de octubre de 2019.",
    "--------------------------------------------------------------------------------",
    "ARTÍCULO ÚNICO: SE REFORMA EL ARTÍCULO 1 DE LA LEY PARA LA ATENCIÓN DE LAS VÍCTIMAS.",
    "ARTÍCULOS TRANSITORIOS",
    "ARTICULO PRIMERO. - El presente decreto entrará en vigor al día siguiente de su publicación.",
]


def state_pdf() -> bytes:
    return pdf_from_pages(paginate(STATE_BODY, [*STATE_HEADER, "{page}"], per_page=12))


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def docx_bytes(paragraphs: list[str]) -> bytes:
    """A minimal OOXML document: one w:p per paragraph (runs split to mimic Word)."""
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(p[: len(p) // 2])}</w:t></w:r>'
        f"<w:r><w:t>{escape(p[len(p) // 2 :])}</w:t></w:r></w:p>"
        for p in paragraphs
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


OJN_PARAGRAPHS = [
    "JUAN PÉREZ, GOBERNADOR CONSTITUCIONAL DEL ESTADO LIBRE Y SOBERANO DE MODELO, A LOS HABITANTES SABED:",
    "",
    "DECRETO NÚMERO 77",
    "LA SEXAGÉSIMA QUINTA LEGISLATURA CONSTITUCIONAL DEL CONGRESO DEL ESTADO, D E C R E T A:",
    "LEY DE INGRESOS PARA EL MUNICIPIO DE MODELO PARA EL EJERCICIO FISCAL 2020",
    "CAPÍTULO PRIMERO",
    "NATURALEZA Y OBJETO",
    "SECCIÓN ÚNICA",
    "Artículo 1. La presente ley tiene por objeto establecer los ingresos del municipio.",
    "$1,000.00",
    "Artículo 2. Los ingresos se destinarán a sufragar el gasto público.",
    "Artículo 3. El impuesto predial se causará anualmente.",
    "TRANSITORIOS",
    "Artículo Primero. La presente ley entrará en vigor el 1 de enero de 2020.",
    "Artículo Segundo. Se abroga la ley de ingresos anterior.",
    "POR LO TANTO, MANDO SE IMPRIMA, PUBLIQUE, CIRCULE Y SE LE DÉ EL DEBIDO CUMPLIMIENTO.",
]
