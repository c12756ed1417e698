"""The article-wide pre-scans of extract_quotes find exactly what full regex scans find."""

from __future__ import annotations

import re
import sys

import pytest

from spektroom_crawler.extract import quotes
from spektroom_crawler.extract.quotes import INDIRECT_VERB_RE, ME_VERBS, MENURUT_RE


def test_only_listed_non_ascii_characters_lower_case_to_ascii() -> None:
    # _verb_hints lower-cases UTF-8 bytes (ASCII only) unless one of these is in the text.
    found = [
        chr(c)
        for c in range(0x80, sys.maxunicode + 1)
        if len(chr(c).lower()) != 1 or chr(c).lower().isascii()
    ]
    assert sorted(found) == sorted(quotes.NON_ASCII_TO_ASCII_LOWER)


@pytest.mark.parametrize(
    "words",
    [
        [*ME_VERBS, "menurut"],
        ["a", "ab", "abc", "b"],
        ["menyebut", "menyebutkan"],
        ["x.y", "x+z", "x"],
    ],
)
def test_trie_pattern_matches_like_a_longest_first_alternation(words: list[str]) -> None:
    trie = re.compile(quotes._trie_pattern(words))
    plain = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    text = " ".join(words) + " " + "".join(words) + " " + " ".join(w[:-1] for w in words)
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


ARTICLES = [
    # Kelvin sign: str.lower() makes it "k", so "mengataKan" (with U+212A) is a verb.
    ["Sukardi menGATA\u212aan, semua siap.", "Menurut Lili, “aman.”", "tanpa kata kerja"],
    # "İ" lower-cases to two characters: that article is hinted paragraph by paragraph.
    ["İbrahim menegaskan: ya.", "Ia berkata, aman. Menurutnya cukup.", "“Kami siap,” ujarnya."],
    ["“Kutip” — Menurut Weni, banjir surut. BERKATA, ia pulang.", "", "menyebutkan, menyebut, x"],
    # Passive verbs, hinted like "menurut" (and not inside a longer word).
    ["Dikatakan Lili, aman. Hal senada DISAMPAIKAN oleh Weni.", "Ditambahkannya, cukup.",
     "didikatakan, xdijelaskan, dijelaskannyalah; Dipaparkan: ya"],
    ["Sukardi mengata\u212aan: ya. DIKATA\u212aANNYA, siap.", "dituturkan oleh Lili, aman."],
]


@pytest.mark.parametrize("paras", ARTICLES)
def test_verb_hints_on_non_ascii_articles(paras: list[str]) -> None:
    hints = quotes._verb_hints(paras, quotes._SEP.join(paras))
    for pi, text in enumerate(paras):
        me, menurut = hints.get(pi, ([], []))
        for pattern, found in ((INDIRECT_VERB_RE, me), (MENURUT_RE, menurut)):
            want = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in quotes._matches_at(pattern, text, found)] == want, text


# --- sentence bounds: str.find for the punctuation, the regexes only where it stands ----------

SENTENCE_TEXTS = [
    "Sukardi hadir. Ia berkata, aman! Benarkah? Ya.",
    "Dr. H. Ahmad Yani, S.Sos. menyampaikan bahwa 3.000 warga terdampak. Bantuan tiba.",
    "Ada apa?! “Kami siap.” Lalu... selesai. (Foto: Humas.) Kata dia? “Ya.”",
    "Akhir kalimat.",
    "Titik di akhir.  Dua spasi.\u00a0NBSP. Baris\nbaru. Tab.\tlagi.",
    "Harga Rp. 5.000. Jl. Merdeka No. 5. Tgl. 1. A. B. C.",
    "Ya.’ Tidak.” Mungkin.) Lalu.\" “Kutip.” ‘Tunggal.’ Akhir",
    "...!!! ??? . ! ? .a .A . A .” A .’ b",
    "",
]


def _sentence_start_by_regex(text: str, pos: int, floor: int) -> int:
    start = floor
    for m in quotes.SENTENCE_BOUNDARY_RE.finditer(text, floor, pos):
        if text[m.start()] == "." and quotes._is_abbrev_at(text, m.start()):
            continue
        start = m.end()
    return start


def _sentence_end_by_regex(text: str, pos: int) -> int:
    for m in quotes.SENTENCE_END_RE.finditer(text, pos):
        if text[m.start()] == "." and m.end() - m.start() == 1 and quotes._is_abbrev_at(
            text, m.start()
        ):
            continue
        return m.end()
    return len(text)


@pytest.mark.parametrize("text", SENTENCE_TEXTS)
def test_sentence_bounds_are_the_regex_scans(text: str) -> None:
    for pos in range(len(text) + 1):
        assert quotes._sentence_end(text, pos) == _sentence_end_by_regex(text, pos), pos
        for floor in range(pos + 1):
            want = _sentence_start_by_regex(text, pos, floor)
            assert quotes._sentence_start(text, pos, floor) == want, (pos, floor)


def test_sentence_bounds_on_the_quote_corpus() -> None:
    from tests.test_quotes import _CORPUS

    for text in _CORPUS:
        for pos in range(0, len(text) + 1, 3):
            assert quotes._sentence_end(text, pos) == _sentence_end_by_regex(text, pos)
            for floor in (0, pos // 2, pos):
                want = _sentence_start_by_regex(text, pos, floor)
                assert quotes._sentence_start(text, pos, floor) == want


# --- connectors: a first-word check before CONNECTOR_RE --------------------------------------


def _strip_connectors_by_regex(s: str) -> str:
    m = quotes.DATELINE_LEAD_RE.match(s) if "-" in s or "–" in s or "—" in s else None
    if m:
        s = s[m.end() :]
    prev = None
    while prev != s:
        prev = s
        m = quotes.CONNECTOR_RE.match(s)
        if m:
            s = s[m.end() :].strip(" ,")
        words = s.split(" ", 1)
        if words and words[0].lower() in quotes.ADVERBIAL_HEADS and "," in s:
            s = s.split(",", 1)[1].strip()
    return s


CONNECTOR_TEXTS = [
    "Namun, Sukardi", "NAMUN SUKARDI", "Sementara itu, Lili", "Akan tetapi ia", "Lebih lanjut,",
    "Di sisi lain, Dalam sambutannya, Bupati", "Oleh karena itu ia", "Senada dengan itu, dia",
    "Pada kesempatan yang sama, Hal senada juga disampaikan oleh Camat", "Tak hanya itu, kini",
    "ſementara itu, Lili", "Namun-namun ia", "namun2 ia", "Kini.", "dan", "Dan,Lili", " Namun",
    "PUTUSSIBAU, Spektroom – Namun, Kepala Desa", "Spektroom - Di tempat terpisah, Sukardi",
    "Saat ini Sukardi", "Hal senada diungkapkan Lili", "İa", "Kemudian, pada saat yang sama, ia",
]


def test_connector_first_words_cover_the_regex() -> None:
    from tests.test_quotes import _CORPUS

    words = {w for text in _CORPUS for w in text.split()} | set(quotes.CONNECTOR_FIRST_WORDS)
    for word in sorted(words):
        for text in (word, word + " itu", word + ", x"):
            if quotes.CONNECTOR_RE.match(text):
                assert quotes._may_open_with_connector(text.split(" ", 1)[0].lower()), text


def test_strip_connectors_is_the_regex_loop() -> None:
    from tests.test_quotes import _CORPUS

    texts = list(CONNECTOR_TEXTS)
    for text in _CORPUS:
        words = text.split(" ")
        texts += [" ".join(words[i : i + 6]) for i in range(len(words))]
    for text in texts:
        assert quotes._strip_connectors(text) == _strip_connectors_by_regex(text), text


# --- the attribution before a mark: the regexes tried only where their verbs are -------------


def _heads(text: str) -> list[int]:
    """Positions an opening mark may follow: after every space, comma, colon and mark."""
    return [i for i, ch in enumerate(text) if ch in " ,:" or ch in quotes._QUOTE_CHARS] + [
        len(text)
    ]


def test_before_verb_at_hints_is_the_tail_search() -> None:
    from tests.test_quotes import _CORPUS

    paras = quotes._normalize(_CORPUS)
    hints = quotes._verb_hints(paras, quotes._SEP.join(paras))
    for pi, text in enumerate(paras):
        for pos in _heads(text):
            for floor in (0, pos // 3):
                lo = max(floor, pos - quotes.BEFORE_VERB_SPAN)
                want = quotes.BEFORE_VERB_RE.search(text[lo:pos])
                got = quotes._before_verb(text, lo, pos, quotes._me_hints(hints, pi))
                assert (got and (got.span(), got.groupdict())) == (
                    want and ((lo + want.start(), lo + want.end()), want.groupdict())
                ), (text, pos)


@pytest.mark.parametrize("extra", ["", "Kata İbrahim, ", "KATANYA: ", "ujarnya kata, "])
def test_before_preposed_is_the_search(extra: str) -> None:
    from tests.test_quotes import _CORPUS

    for text in [*_CORPUS, "Menurut Sukardi, kata Lili: ujar tutur, Tuturnya,"]:
        text = extra + text
        for pos in _heads(text):
            tail = text[max(0, pos - quotes.BEFORE_PREPOSED_SPAN) : pos]
            want = quotes.BEFORE_PREPOSED_RE.search(tail)
            got = quotes._before_preposed(tail)
            assert (got and (got.span(), got.groupdict())) == (
                want and (want.span(), want.groupdict())
            ), tail


def _strip_tail_adverbs_by_words(subj: str) -> str:
    words = subj.split()
    while len(words) > 1:
        last = words[-1]
        if last.isascii() and last.lower() not in quotes.TAIL_ADVERB_LAST:
            break
        for n in (2, 1):
            if len(words) > n and quotes.TAIL_ADVERB_RE.fullmatch(" ".join(words[-n:]).lower()):
                del words[-n:]
                break
        else:
            break
    return " ".join(words).strip(" ,")


def test_strip_tail_adverbs_on_normalized_slices() -> None:
    from tests.test_quotes import _CORPUS

    texts = ["", "juga", "Ia juga", "Ia pun,", "Sukardi lebih lanjut", "Lili, juga,", "X SENDIRI"]
    for text in quotes._normalize(_CORPUS):
        words = text.split(" ")
        texts += [" ".join(words[: i + 1]).strip() for i in range(len(words))]
    for text in texts:
        assert quotes._strip_tail_adverbs(text) == _strip_tail_adverbs_by_words(text), text


def test_verb_tries_match_like_the_plain_alternations() -> None:
    from tests.test_quotes import _CORPUS

    def plain(words: tuple[str, ...]) -> str:
        return "|".join(sorted(words, key=len, reverse=True))

    swaps = [(quotes._ME_ALT, plain(ME_VERBS)), (quotes._BASE_ALT, plain(quotes.BASE_VERBS))]
    patterns = [
        INDIRECT_VERB_RE, quotes.BEFORE_VERB_RE, quotes.AFTER_VERB_RE, quotes.AFTER_SUBJECT_RE
    ]
    texts = [*_CORPUS, "menyebutkan, menyebut: MENYEBUTKANNYA menyebutkan bahwa", "ujarnya, kata"]
    for pattern in patterns:
        source = pattern.pattern
        for trie, alternation in swaps:
            source = source.replace(trie, alternation)
        assert source != pattern.pattern
        old = re.compile(source, pattern.flags)
        for text in texts:
            for pos in range(len(text)):
                got, want = pattern.match(text, pos), old.match(text, pos)
                assert (got and (got.span(), got.groupdict())) == (
                    want and (want.span(), want.groupdict())
                ), (pattern.pattern, text, pos)


def _mark_role_by_rules(text: str, i: int) -> int:
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    left = (not prev or prev.isspace() or prev in quotes._BEFORE_OPEN) and bool(nxt) and not (
        nxt.isspace()
    )
    right = (
        bool(prev)
        and not prev.isspace()
        and (not nxt or nxt.isspace() or nxt in quotes._AFTER_CLOSE or nxt in quotes._QUOTE_CHARS)
    )
    if left and not right:
        return quotes._OPEN
    if right and not left:
        return quotes._CLOSE
    if text[i] in quotes._OPEN_GLYPHS:
        return quotes._OPEN
    if text[i] in quotes._CLOSE_GLYPHS:
        return quotes._CLOSE
    return quotes._TOGGLE


def test_mark_role_shortcuts_follow_the_rules() -> None:
    from tests.test_quotes import _CORPUS

    marks = quotes._QUOTE_CHARS
    texts = [*_CORPUS, *(a + m + b for m in marks for a in ("", " ", "x", ".", "(", "“") for b in (
        "", " ", "y", ",", ".", "”", "\u00a0"))]
    for text in texts:
        for i, ch in enumerate(text):
            if ch in marks:
                assert quotes._mark_role(text, i) == _mark_role_by_rules(text, i), (text, i)


# --- spans: only the paragraphs with marks are read ------------------------------------------


def test_scan_reads_only_paragraphs_with_marks() -> None:
    # A quote runs on only into a paragraph with a mark: reading every paragraph (each one
    # given, without marks too) finds the same spans.
    import random

    rnd = random.Random(11)
    pieces = [
        "“", "”", '"', "«", "»", "Kami siap,", "untuk membantu.", "ujar Sukardi.", "tegasnya.",
        "Menurut Weni,", "kata", "warga", "hadir.", "“Kami", "siap.”", "ujarnya", ",", ".",
    ]
    for _ in range(3000):
        paras = quotes._normalize(
            [
                " ".join(rnd.choice(pieces) for _ in range(rnd.randrange(6)))
                for _ in range(rnd.randrange(1, 6))
            ]
        )
        marks = quotes._mark_offsets(paras, quotes._SEP.join(paras))
        every = {pi: marks.get(pi, []) for pi in range(len(paras))}
        assert quotes._scan(paras, marks) == quotes._scan(paras, every), paras


def test_nothing_before_a_mark_at_the_floor() -> None:
    # _direct_candidates skips _before_attr for a quote that opens its paragraph or follows
    # the previous quote right away (pos == floor): it finds nothing there.
    from tests.test_quotes import _CORPUS

    paras = quotes._normalize([*_CORPUS, *SENTENCE_TEXTS, "Ia mengatakan, “ya.”"])
    hints = quotes._verb_hints(paras, quotes._SEP.join(paras))
    for pi, text in enumerate(paras):
        for pos in range(len(text) + 1):
            for found in (quotes._me_hints(hints, pi), None):
                assert quotes._before_attr(text, pos, pos, found) is None, (text, pos)
