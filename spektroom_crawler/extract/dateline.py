"""The dateline lead-in of the first paragraph: "AGAM, Spektroom –" -> place "Agam"."""

from __future__ import annotations

import re

from spektroom_crawler.record import Dateline

# [PLACE,] OUTLET DASH: the outlet is Spektroom (or a known agency); hyphen, en or em dash.
DATELINE_RE = re.compile(
    r"^\s*(?:(?P<place>[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3})\s*,\s*)?"
    r"(?P<outlet>Spektroom(?:\.co\.id)?|ANTARA|Antara)\s*(?P<dash>[-–—])\s+"
)


def title_case_place(place: str) -> str:
    """"KAPUAS HULU" -> "Kapuas Hulu"; mixed-case places are kept as written."""
    if not place.isupper():
        return place
    return " ".join("-".join(p.capitalize() for p in word.split("-")) for word in place.split())


def parse_dateline(paragraph: str | None) -> Dateline | None:
    """The dateline at the start of the lead paragraph, or None when there is none."""
    if not paragraph:
        return None
    match = DATELINE_RE.match(paragraph)
    if not match:
        return None
    place = match.group("place")
    text = " ".join(match.group(0).split())
    return Dateline(
        place=title_case_place(place) if place else None, outlet=match.group("outlet"), text=text
    )


def dateline_length(paragraph: str) -> int:
    """How many leading characters of the paragraph the dateline (and its dash) takes."""
    match = DATELINE_RE.match(paragraph)
    return match.end() if match else 0
