"""Reform decrees printed after the law's transitorios."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.parse.law.body import _is_federal_decree_title
from pipeline.parse.law.citations import (
    _with_next,
    is_state_publication,
    is_transitorios_heading,
    match_article,
    publication_from,
)
from pipeline.parse.law.model import Publication, ReformDecree, reflow
from pipeline.parse.law.patterns import CLOSING, DECREES_HEADING, PUBLISHED_IN, SEPARATOR
from pipeline.parse.law.profiles import GENERIC, LayoutProfile
from pipeline.parse.law.transitorios import parse_transitorios

# --- reform decrees ------------------------------------------------------------------------------


@dataclass
class _Block:
    title_lines: list[str] = field(default_factory=list)
    publication: Publication | None = None
    content: list[str] = field(default_factory=list)
    signed: bool = False  # its transitorios ended with a signature: a new article starts a new decree

    def is_empty(self) -> bool:
        return not self.title_lines and self.publication is None and not self.content


def split_decree_blocks(lines: list[str], profile: LayoutProfile = GENERIC) -> list[_Block]:
    blocks: list[_Block] = [_Block()]
    i = 0
    while i < len(lines):
        line = lines[i]
        if DECREES_HEADING.match(line):
            i += 1
        elif SEPARATOR.match(line):
            blocks.append(_Block())
            i += 1
        elif profile.federal_decree_titles and _is_federal_decree_title(lines, i):
            block = _Block()
            blocks.append(block)
            i = _read_federal_title(lines, i, block)
        elif profile.state_publication_lines and is_state_publication(line):
            text, used = _with_next(lines, i)
            if blocks[-1].publication is not None or blocks[-1].content:
                blocks.append(_Block())
            blocks[-1].publication = publication_from(text)
            i += used
        else:
            block = blocks[-1]
            if block.signed and match_article(line):
                block = _Block()
                blocks.append(block)
            if CLOSING.match(line) and any(is_transitorios_heading(c) for c in block.content):
                block.signed = True
            block.content.append(line)
            i += 1
    return [b for b in blocks if not b.is_empty()]


def _read_federal_title(lines: list[str], i: int, block: _Block) -> int:
    """Title lines up to "Publicado en el Diario Oficial de la Federación el …"; returns the next index."""
    while i < len(lines) and not PUBLISHED_IN.match(lines[i]):
        block.title_lines.append(lines[i])
        i += 1
    if i < len(lines):
        text, used = _with_next(lines, i)
        block.publication = publication_from(text)
        i += used
    return i


def build_decree(block: _Block) -> ReformDecree | None:
    split = next((k for k, line in enumerate(block.content) if is_transitorios_heading(line)), None)
    operative = block.content if split is None else block.content[:split]
    operative = _until_closing(operative)
    trans_lines = [] if split is None else block.content[split + 1 :]
    title = " ".join(block.title_lines).strip() or None
    if title is None and operative:
        title = reflow(operative).split("\n")[0][:300]
    decree = ReformDecree(title=title, publication=block.publication or Publication(), operative_text=reflow(operative))
    decree.transitorios, _ = parse_transitorios(trans_lines, prefix=f"{decree.key}.")
    if not operative and not decree.transitorios and not block.title_lines:
        return None  # a bare publication line: the closing of the original decree
    return decree


def _until_closing(lines: list[str]) -> list[str]:
    for k, line in enumerate(lines):
        if CLOSING.match(line):
            return lines[:k]
    return lines


def parse_decrees(lines: list[str], profile: LayoutProfile = GENERIC) -> list[ReformDecree]:
    decrees = [build_decree(block) for block in split_decree_blocks(lines, profile)]
    found = [d for d in decrees if d is not None]
    assign_decree_ids(found)
    return found


def assign_decree_ids(decrees: list[ReformDecree]) -> None:
    """``decree_{date}``; two decrees of one day (Durango often publishes several per issue) add
    their number: ``decree_2019-03-31-75``. Transitorio ids follow their decree's id."""
    for decree in decrees:
        decree.id = None
    base = [d.key for d in decrees]
    for decree, key in zip(decrees, base, strict=True):
        clash = base.count(key) > 1
        suffix = decree.publication.decree or str(base[: decrees.index(decree)].count(key) + 1)
        decree.id = f"{key}-{suffix}" if clash else key
        for item in decree.transitorios:
            item.eid = f"{decree.id}.{item.eid.split('.', 1)[-1]}"
