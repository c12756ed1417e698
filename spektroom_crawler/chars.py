"""Characters no article text keeps: lone surrogates and control characters.

A lone UTF-16 surrogate comes from a JSON "\\ud83d" escape cut from its pair (a CMS that
truncates a description in the middle of an emoji) or from text decoded with
errors="surrogateescape". No UTF-8 encoder takes it: `spektroom parse` could not print the
record, SQLite's driver could not bind it, PostgreSQL's JSON rejects it. PostgreSQL rejects NUL
in any text too (a JSON "\\u0000" escape). The other C0 controls and DEL pass every encoder
but are no part of a news text (libxml2 keeps them from the page bytes).
"""

from __future__ import annotations

import re

# C0 controls other than whitespace (str.split() splits on \t \n \v \f \r and \x1c-\x1f), DEL,
# and every surrogate code point (a str holds a valid pair as one character, not two). Escapes
# for the regex engine, not characters: mypyc refuses surrogates in a string literal.
UNCLEAN_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f\ud800-\udfff]")
CONTROLS_RE = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
SURROGATES_RE = re.compile(r"[\ud800-\udfff]")


def clean_chars(text: str) -> str:
    """`text` without C0 controls (whitespace aside) and DEL, its lone surrogates as U+FFFD.

    Two surrogates that form a pair become the character they encode ("\\ud83d\\ude00" as two
    code points, which only a surrogateescape decode or a split pair joined back makes).
    """
    if UNCLEAN_CHARS_RE.search(text) is None:
        return text
    text = CONTROLS_RE.sub("", text)
    if SURROGATES_RE.search(text) is not None:
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return text


def collapse_space(text: str) -> str:
    """Every run of whitespace as one space, stripped, with `clean_chars` applied when the text
    holds a control character or a surrogate (a format character such as U+200B also sends it
    there, and stays: its removal is the caller's business)."""
    out = " ".join(text.split())
    if not out.isprintable():
        out = " ".join(clean_chars(out).split())
    return out
