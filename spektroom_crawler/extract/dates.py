"""Indonesian date parsing: visible article dates, ISO stamps, relative forms, event dates.

The common forms ("Sabtu, 29 November 2025 - 19:45 WIB", "27/03/2024, 06:16 WIB", ISO 8601,
"2 jam yang lalu") go through compiled regexes; ``dateparser`` is imported lazily and used only as
the last fallback, because it is slow to import, slow per call (~2 ms) and cannot read "Jum'at".

Rules shared by every function here:
- A text with a time gives an aware ``datetime``; a text with only a date gives a ``date``.
- No zone in the text means WIB (+07:00), the site's zone; WITA is +08:00, WIT +09:00; an explicit
  offset or "Z" is kept as written (same instant, same offset).
- Day first, always: "03/04/2025" is 3 April.
- An impossible date or time ("33 Desember 2025", "31/02/2025", "... 25:61 WIB") makes the whole
  text None: a half-read value would be silently wrong. A time alone ("14:30 WIB") is not a date.
- ``now`` is always a parameter. Calendar words ("kemarin", a yearless "(23/11)") resolve on the
  WIB calendar, because that is the calendar the site writes in.
"""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

__all__ = [
    "WIB",
    "WIT",
    "WITA",
    "find_event_date",
    "parse_date",
    "plausible",
]

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")

#: Earliest date a Spektroom article can carry; anything older is garbage or a misparse.
EARLIEST = date(1995, 1, 1)
EARLIEST_INSTANT = datetime(1995, 1, 1, tzinfo=WIB)
#: Clock skew tolerated between the site and the crawler before a date counts as "future".
CLOCK_SKEW = timedelta(days=1)
#: dateparser only sees short texts: on a paragraph it is slow and finds dates that are not there.
FALLBACK_MAX_CHARS = 100

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agst": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

DAY_NAMES: tuple[str, ...] = (
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
)  # fmt: skip

ZONES: dict[str, timezone] = {
    "wib": WIB,
    "wita": WITA,
    "wit": WIT,
    "utc": UTC,
    "gmt": UTC,
    "z": UTC,
}

# Longest alternatives first so "desember" is not cut to "des" and "wita" not to "wit".
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_ALT = "|".join(re.escape(d) for d in sorted(DAY_NAMES, key=len, reverse=True))

# The date regexes below start with their first digit and check the character before it with a
# lookbehind placed after that digit ("[0-9](?<![0-9.:/][0-9])[0-9]?" is
# "(?<![0-9.:/])[0-9]{1,2}"): a pattern that opens with a character class lets the regex engine
# skip straight to the next digit instead of trying the whole pattern at every position of a long
# paragraph.
# Digits are [0-9], not \d: on str patterns \d is any Unicode decimal digit, tested by a call
# into the Unicode database for every character scanned (no ASCII fast path, unlike \s), and a
# date's digits are ASCII. [0-9] is a bitmap test: the scans for the first digit of a lead
# paragraph cost ~0.4% of a whole extraction less (callgrind, fixture pages), and parse_date
# ~10% less per call (bench/dates.py).

#: ISO 8601 and year-first dates: "2025-11-29", "2025-11-29T19:45:00+07:00", "...Z", "2025/11/29".
ISO_RE = re.compile(
    r"(?P<y>[0-9](?<![0-9/.\-][0-9])[0-9]{3})(?P<sep>[-/.])(?P<mo>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9])"
    r"(?:[t\s]+(?P<h>[0-9]{1,2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,](?P<frac>[0-9]{1,9}))?)?(?![0-9])"
    r"\s*(?P<tz>z(?![a-z])|[+-][0-9]{2}(?::?[0-9]{2})?(?![0-9]))?)?"
)

#: Day, month name, year: "29 November 2025", "1 Des 2025", "26-Nov-2025", "26 Nov, 2025".
DMY_TEXT_RE = re.compile(
    rf"(?P<d>[0-9](?<![0-9.:/][0-9])[0-9]?)(?:st|nd|rd|th)?[\s\-/.]*(?P<mo>{_MONTH_ALT})(?![a-z])\.?"
    r"[\s\-/.,]*(?P<y>[0-9]{4})(?![0-9])"
)

#: Month name, day, year (English order): "November 26, 2025", "Nov 26 2025".
MDY_TEXT_RE = re.compile(
    rf"(?<![a-z])(?P<mo>{_MONTH_ALT})\.?\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?(?![0-9])\s*,?\s*"
    r"(?P<y>[0-9]{4})(?![0-9])"
)

#: Numeric day-first dates: "27/03/2024", "1-2-2025", "06.12.2025", "26/11/25" (same separator).
NUM_DMY_RE = re.compile(
    r"(?P<d>[0-9](?<![0-9/.\-:][0-9])[0-9]?)\s?(?P<sep>[/.\-])\s?(?P<mo>[0-9]{1,2})\s?(?P=sep)\s?"
    r"(?P<y>[0-9]{4}|[0-9]{2})(?![0-9/]|[.\-][0-9])"
)

#: Yearless numeric dates, only where they cannot be a fraction: "(23/11)" or "Minggu 23/11".
YEARLESS_NUM_RE = re.compile(
    rf"(?:(?<![a-z])(?P<dn>{_DAY_ALT})\s*,?\s*\(?\s*|\(\s*)"
    r"(?P<d>[0-9]{1,2})\s?/\s?(?P<mo>[0-9]{1,2})(?![0-9/])\s*\)?"
)

#: Yearless textual dates: "24 November", "Senin, 24 Nov" (never followed by a year).
YEARLESS_TEXT_RE = re.compile(
    rf"(?P<d>[0-9](?<![0-9.:/][0-9])[0-9]?)[\s\-]*(?P<mo>{_MONTH_ALT})(?![a-z])\.?"
    r"(?![\s\-/.,]*[0-9]{4}(?![0-9]))"
)

#: Yearless textual date after a day name, for event dates: "pada Senin, 24 November".
EVENT_YEARLESS_TEXT_RE = re.compile(
    rf"(?<![a-z])(?P<dn>{_DAY_ALT})\s*,?\s*\(?\s*(?:tanggal\s+|tgl\.?\s*)?"
    rf"(?P<d>[0-9]{{1,2}})[\s\-]*(?P<mo>{_MONTH_ALT})(?![a-z])\.?"
    r"(?![\s\-/.,]*[0-9]{4}(?![0-9]))"
)

#: A day name (and optional "(" / "tanggal") right before a date: "Rabu (", "Senin, tanggal ".
DAY_PREFIX_RE = re.compile(
    rf"(?<![a-z])(?:{_DAY_ALT})\s*,?\s*(?:\(\s*)?(?:(?:tanggal|tgl\.?)\s*)?$"
)

# Cheap necessary conditions for find_event_date: each is the digit-led core of a regex that opens
# with letters (a month or day name), which the engine would otherwise try at every position.
# When a paragraph has no match for the core, the full regex cannot match either.
#: Core of MDY_TEXT_RE: a day (with its ordinal) and then the year, "26, 2025".
MDY_CORE_RE = re.compile(r"[0-9](?:st|nd|rd|th)?(?![0-9])\s*,?\s*[0-9]{4}(?![0-9])")
#: Core of YEARLESS_NUM_RE: "23/11" not followed by a digit or a slash.
YEARLESS_NUM_CORE_RE = re.compile(r"[0-9]\s?/\s?[0-9]{1,2}(?![0-9/])")
#: Core of EVENT_YEARLESS_TEXT_RE: "24 november" not followed by a year.
YEARLESS_TEXT_CORE_RE = re.compile(
    rf"[0-9][\s\-]*(?:{_MONTH_ALT})(?![a-z])\.?(?![\s\-/.,]*[0-9]{{4}}(?![0-9]))"
)

#: The three cores in one digit-led scan: a lead with none of them skips all three regexes.
#: Every core match opens with the last digit of a number (a letter, space, "-" or "/" follows
#: it), so "(?![0-9])" drops the other digits before the month-name alternation is tried at each.
ANY_CORE_RE = re.compile(
    r"[0-9](?![0-9])(?:(?:st|nd|rd|th)?(?![0-9])\s*,?\s*[0-9]{4}(?![0-9])"
    r"|\s?/\s?[0-9]{1,2}(?![0-9/])"
    rf"|[\s\-]*(?:{_MONTH_ALT})(?![a-z])\.?(?![\s\-/.,]*[0-9]{{4}}(?![0-9])))"
)

#: Any digit: find_event_date's scans start at the first one.
DIGIT_RE = re.compile(r"[0-9]")

#: A number label right before a numeric "date" makes it a reference ("Nomor 3/11/2025").
NUMBER_LABEL_RE = re.compile(r"(?<![a-z])(?:nomor|nomer|no\.?|nrp\.?)\s*:?\s*$")

#: A clock time with its optional am/pm, zone and offset: "14.30", "19:45 WIB", "7:45 pm",
#: "12:45:00 +0000", "12:45 GMT+7". The first digit comes first (before the lookbehind) so the
#: engine can skip non-digits fast. An offset needs a space or a zone word before it, so a range
#: "19:45-20:00" is not read as "19:45 at -20:00".
TIME_RE = re.compile(
    r"(?P<h>[0-9](?<![0-9.:/][0-9])[0-9]?)(?:[.:](?P<mi>[0-9]{2})(?:[.:](?P<s>[0-9]{2}))?)?(?![0-9/]|[.:][0-9])"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?"
    r"(?:\s*(?P<zone>wita|wib|wit|utc|gmt|z)(?![a-z]))?"
    r"(?:(?:\s+|(?<=[a-z]))(?P<off>[+-](?:[0-9]{2}:?[0-9]{2}|[0-9]{1,2})(?![0-9.:])))?"
)

#: Words that make a bare hour a time: "pukul 7 malam", "jam 9 pagi".
_HOUR_WORDS = ("pukul", "pkl", "pkl.", "jam")

#: Full-date forms, most common first (the first hit narrows the later scans).
_FULL_DATE_RES = (DMY_TEXT_RE, NUM_DMY_RE, ISO_RE, MDY_TEXT_RE)

#: Zone word anywhere shortly after a time ("pukul 10.00 - 12.00 WITA").
ZONE_RE = re.compile(r"(?<![a-z])(wita|wib|wit)(?![a-z])")

#: Part of the day, which turns a 12-hour reading into 24 hours ("pukul 7.30 malam" = 19:30).
PERIOD_RE = re.compile(r"\s*(?<![a-z])(dini\s+hari|pagi|siang|sore|petang|malam)(?![a-z])")
#: The same words, for a scan before the time ("Senin malam, pukul 7.30").
PERIOD_WORD_RE = re.compile(r"(?<![a-z])(dini\s+hari|pagi|siang|sore|petang|malam)(?![a-z])")

_NUMBER_WORDS: dict[str, int] = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "dua belas": 12,
    "a": 1, "an": 1, "one": 1,
}  # fmt: skip
_NUM_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))

#: "2 jam yang lalu", "30 menit lalu", "sejam yang lalu", "tiga hari lalu", "2 hours ago".
RELATIVE_AGO_RE = re.compile(
    r"(?<![a-z0-9])(?:(?P<n>[0-9]{1,4})\s*|(?P<se>se)|(?P<word>" + _NUM_ALT + r")\s+)"
    r"(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun"
    r"|seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)"
    r"\s+(?:(?:yang|yg)\s+)?(?P<ago>lalu|silam|ago)(?![a-z])"
)

#: Calendar words: "kemarin lusa" (2 days ago), "kemarin", "hari ini", English equivalents.
RELATIVE_DAY_RE = re.compile(
    r"(?<![a-z])(?P<word>kemarin\s+lusa|kemarin|kemaren|hari\s+ini|yesterday|today)(?![a-z])"
)

#: "Just now": the instant of ``now``.
JUST_NOW_RE = re.compile(
    r"(?<![a-z])(?:baru\s+saja|barusan|beberapa\s+detik\s+(?:yang\s+)?lalu|just\s+now)(?![a-z])"
)

#: Words worth handing to dateparser when no fast-path form matched.
FALLBACK_HINT_RE = re.compile(
    rf"(?<![a-z])(?:{_MONTH_ALT}|ago|yesterday|today|tomorrow|last|hours?|minutes?|days?)"
    r"(?![a-z])"
)

#: A time-like token in a text, which decides whether a dateparser result is a datetime.
_TIME_HINT_RE = re.compile(r"[0-9][.:][0-9][0-9]|[0-9]\s*[ap]\.?m\b|\b(?:ago|lalu|pukul|jam)\b")

_UNIT_DELTAS: dict[str, timedelta] = {
    "detik": timedelta(seconds=1), "second": timedelta(seconds=1),
    "menit": timedelta(minutes=1), "minute": timedelta(minutes=1), "min": timedelta(minutes=1),
    "jam": timedelta(hours=1), "hour": timedelta(hours=1), "hr": timedelta(hours=1),
    "hari": timedelta(days=1), "day": timedelta(days=1),
    "minggu": timedelta(weeks=1), "pekan": timedelta(weeks=1), "week": timedelta(weeks=1),
}  # fmt: skip
_UNIT_MONTHS: dict[str, int] = {"bulan": 1, "month": 1, "tahun": 12, "year": 12}

# Curly and typographic apostrophes all become "'" so "Jum’at" reads like "Jum'at".
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

_DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TIMEZONE": "+0700",
    "REQUIRE_PARTS": ["day", "month", "year"],
}


class _InvalidDate(ValueError):
    """The text has a date form whose values are impossible ("33 Desember 2025")."""


# --------------------------------------------------------------------------------------------
# public API
# --------------------------------------------------------------------------------------------


def parse_date(text: object, *, now: datetime | None = None) -> datetime | date | None:
    """Parse an Indonesian (or ISO/English) date text into an aware datetime, a date, or None.

    `text` is typed `object` because anything that is not a non-empty str gives None (the
    compiled build checks argument types at run time, so the annotation must admit them)."""
    if not isinstance(text, str) or not text:
        return None
    if now is None:
        now = datetime.now(WIB)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=WIB)
    s = text.lower().strip()
    if not s.isascii():
        s = s.translate(_APOSTROPHES)
    if not s:
        return None
    try:
        value = _parse_fast(s, now)
    except _InvalidDate:
        return None
    if value is not None:
        return value
    return _parse_fallback(s, now)


def plausible(value: datetime | date, *, now: datetime) -> bool:
    """True when ``value`` is on or after 1995-01-01 and not in the future of ``now`` (+1 day)."""
    now = _aware(now)
    if isinstance(value, datetime):
        instant = _aware(value)
        return EARLIEST_INSTANT <= instant <= now + CLOCK_SKEW
    return EARLIEST <= value <= _wib_today(now) + CLOCK_SKEW


def find_event_date(text: object, *, reference: date | None) -> date | None:
    """The first day/date expression of a lead paragraph: "Rabu (26/11/2025)" -> 2025-11-26.

    Day-named dates ("Rabu (26/11/2025)", "pada Senin, 24 November 2025", "Minggu (23/11)") and
    parenthesized full dates ("(26/11/2025)") are event expressions; the first one wins. Only
    when there is none does the first bare full date ("26 November 2025") count, because a bare
    date early in a lead is often a reference ("sejak 1 Januari 2024"), not the event. A yearless
    "Minggu (23/11)" takes the latest such date not after ``reference`` (the publication date)
    and gives None without one. A bare "(1/2)" or "Nomor 3/11/2025" is not a date. Anything
    but a str gives None (typed `object`: the compiled build checks argument types).
    """
    if not isinstance(text, str) or not text:
        return None
    s = _straight_apostrophes(text.lower())
    ref = _wib_today(_aware(reference)) if isinstance(reference, datetime) else reference
    best: tuple[int, int, date | None] | None = None  # (tier, position, value)
    first_digit = DIGIT_RE.search(s)
    if first_digit is None:
        return None  # every date form has a digit
    # The digit-led regexes cannot match before the first digit: their scans start there
    # (their lookbehinds still see the text before it), which spares each one the same skip.
    digits_at = first_digit.start()
    any_core = ANY_CORE_RE.search(s, digits_at) is not None

    for regex, core, digit_led in _EVENT_FULL_DATES:
        if core is not None and (not any_core or core.search(s, digits_at) is None):
            continue
        for m in regex.finditer(s, digits_at if digit_led else 0):
            start = m.start()
            if DAY_PREFIX_RE.search(s, max(0, start - 24), start):
                tier = 1
            elif len(m.group("y")) != 4 or NUMBER_LABEL_RE.search(s, max(0, start - 8), start):
                continue  # "26/11/25" alone is too weak; "Nomor 3/11/2025" is a reference
            elif s.endswith("(", max(0, start - 1), start):
                tier = 1
            else:
                tier = 2
            if best is not None and (tier, start) >= best[:2]:
                if best[0] == 1:
                    break  # matches come in order: no later one can beat an earlier tier 1
                continue
            try:
                best = (tier, start, _date_from_match(m))
            except _InvalidDate:
                continue
            if tier == 1:
                break  # after a bare (tier-2) hit, a later day-named date may still win

    # Yearless forms count only after a day name ("Minggu (23/11)", "Senin, 24 November").
    for regex, core in _EVENT_YEARLESS_DATES:
        if not any_core or core.search(s, digits_at) is None:
            continue
        for m in regex.finditer(s):
            if not m.group("dn"):
                continue
            if best is not None and (1, m.start()) >= best[:2]:
                break
            try:
                day, month = _day_month(m)
            except _InvalidDate:
                continue
            if ref is None:
                best = (1, m.start(), None)  # a date, but its year is unknowable
                break
            resolved = _resolve_yearless(day, month, ref)
            if resolved is not None:
                best = (1, m.start(), resolved)
                break
    return best[2] if best else None


#: find_event_date's scans in order, each with the core that must match first (None: no gate;
#: the digit-led regexes skip to digits by themselves) and whether its matches open with a digit.
_EVENT_FULL_DATES: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, bool], ...] = (
    (DMY_TEXT_RE, None, True),
    (NUM_DMY_RE, None, True),
    (MDY_TEXT_RE, MDY_CORE_RE, False),
)
_EVENT_YEARLESS_DATES: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = (
    (YEARLESS_NUM_RE, YEARLESS_NUM_CORE_RE),
    (EVENT_YEARLESS_TEXT_RE, YEARLESS_TEXT_CORE_RE),
)


def _straight_apostrophes(s: str) -> str:
    """``s.translate(_APOSTROPHES)`` without a per-character table lookup on a long paragraph."""
    for curly in _APOSTROPHES:
        char = chr(curly)
        if char in s:
            s = s.replace(char, "'")
    return s


# --------------------------------------------------------------------------------------------
# fast path
# --------------------------------------------------------------------------------------------


def _parse_fast(s: str, now: datetime) -> datetime | date | None:
    """Compiled-regex parsing of the common forms; None when no form matched."""
    # Machine stamps start with the year: one anchored match settles them.
    m = ISO_RE.match(s)
    if m:
        return _from_iso(m)

    # The earliest full date wins. Each later scan only looks before the best match so far,
    # which keeps the common case ("Sabtu, 29 November 2025 ...") to one full scan.
    best: re.Match[str] | None = None
    for regex in _FULL_DATE_RES:
        found = regex.search(s, 0, best.start() if best else len(s))
        if found:
            best = found
    if best is not None:
        if best.re is ISO_RE:
            return _from_iso(best)
        day = _date_from_match(best)
        return _with_time(s, best.start(), best.end(), day, now)

    # An absolute date beats a relative one in the same text ("... 20.00 WIB (2 jam lalu)").
    # "lalu"/"ago"/"silam" are cheap substring tests that spare the regex on most texts.
    if "lalu" in s or "ago" in s or "silam" in s:
        m = RELATIVE_AGO_RE.search(s)
        if m:
            return _relative_ago(m, now)

    m = RELATIVE_DAY_RE.search(s)
    if m:
        word = m.group("word")
        today = _wib_today(now)
        if "lusa" in word:
            back = 2
        elif word in ("kemarin", "kemaren", "yesterday"):
            back = 1
        else:
            back = 0
        return _with_time(s, m.start(), m.end(), today - timedelta(days=back), now)

    if JUST_NOW_RE.search(s):
        return now

    best = YEARLESS_NUM_RE.search(s)
    found = YEARLESS_TEXT_RE.search(s, 0, best.start() if best else len(s))
    best = found or best
    if best is not None:
        day_num, month = _day_month(best)
        resolved = _resolve_yearless(day_num, month, _wib_today(now))
        return _with_time(s, best.start(), best.end(), resolved, now)
    return None


def _from_iso(m: re.Match[str]) -> datetime | date:
    """Build a date or datetime from an ``ISO_RE`` match; naive times are WIB."""
    # One group() call for all eight: each named lookup is a call of its own.
    year, month, day, hour, minute, second, frac, zone = m.group(
        "y", "mo", "d", "h", "mi", "s", "frac", "tz"
    )
    d = _make_date(int(year), int(month), int(day))
    if hour is None:
        return d
    tz = _offset(zone) if zone else WIB
    micro = int(frac[:6].ljust(6, "0")) if frac else 0
    return _combine(d, int(hour), int(minute), int(second or 0), tz, micro)


def _date_from_match(m: re.Match[str]) -> date:
    """A validated date from a ``DMY_TEXT_RE``, ``MDY_TEXT_RE`` or ``NUM_DMY_RE`` match."""
    d, mo, y = m.group("d", "mo", "y")
    month = MONTHS[mo] if mo[0].isalpha() else int(mo)
    year = int(y)
    if len(y) == 2:
        # "26/11/25": two-digit years only with / or - (a dotted "1.5.25" is a version number).
        if m.re is NUM_DMY_RE and m.group("sep") == ".":
            raise _InvalidDate(m.group(0))
        year += 2000
    try:
        return date(year, month, int(d))
    except ValueError as exc:
        raise _InvalidDate(m.group(0)) from exc


def _day_month(m: re.Match[str]) -> tuple[int, int]:
    """Day and month numbers of a match, validated only as ranges (the year is checked later)."""
    mo = m.group("mo")
    month = MONTHS[mo] if mo[0].isalpha() else int(mo)
    day = int(m.group("d"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise _InvalidDate(m.group(0))
    return day, month


def _make_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _InvalidDate(f"{year}-{month}-{day}") from exc


def _resolve_yearless(day: int, month: int, today: date) -> date | None:
    """The latest day/month not after ``today`` (a leap day may look back up to 8 years)."""
    for year in range(today.year, today.year - 9, -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _with_time(s: str, start: int, end: int, day: date | None, now: datetime) -> datetime | date:
    """Attach the clock time found next to a date (after it first, then before it), if any."""
    if day is None:
        raise _InvalidDate(s)
    found = _find_time(s, end, min(len(s), end + 60))
    if found is None and start:
        found = _find_time(s, max(0, start - 40), start)
    if found is None:
        return day
    hour, minute, second, tz, extra_days = found
    if extra_days:
        day += timedelta(days=extra_days)
    # _find_time has validated the clock, so this cannot raise.
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)


def _find_time(s: str, lo: int, hi: int) -> tuple[int, int, int, timezone, int] | None:
    """The first clock time in ``s[lo:hi]``: (hour, minute, second, zone, days to add)."""
    for m in TIME_RE.finditer(s, lo, hi):
        h, mi, sec, ampm = m.group("h", "mi", "s", "ampm")
        if mi is None and not s[max(0, m.start() - 8) : m.start()].rstrip().endswith(_HOUR_WORDS):
            continue  # a bare number ("3 komentar") is not a time; "pukul 7" is
        hour = int(h)
        minute = int(mi) if mi else 0
        second = int(sec) if sec else 0
        extra_days = 0
        if ampm:
            if not 1 <= hour <= 12:
                raise _InvalidDate(m.group(0))
            hour = hour % 12 + (12 if ampm[0] == "p" else 0)
        elif hour <= 12 and _mentions_period(s):
            # Only a 12-hour reading needs the part of the day ("pukul 7.30 malam").
            after = PERIOD_RE.match(s, m.end(), min(hi + 20, len(s)))
            period = after.group(1) if after else _period_before(s, m.start())
            if period is not None:
                hour, extra_days = _apply_period(hour, period)
        zone, off = m.group("zone", "off")
        if off:
            tz = _offset(off)
        elif zone:
            tz = ZONES[zone]
        else:
            tz = _zone_near(s, m.end())
        if hour > 23 or minute > 59 or second > 59:
            raise _InvalidDate(m.group(0))
        return hour, minute, second, tz, extra_days
    return None


def _mentions_period(s: str) -> bool:
    """Cheap substring gate before the part-of-day regexes (most dates have no such word)."""
    return (
        "malam" in s or "sore" in s or "pagi" in s or "siang" in s or "dini" in s or "petang" in s
    )


def _period_before(s: str, pos: int) -> str | None:
    """A part-of-day word just before a time: "Senin malam, pukul 7.30"."""
    found = None
    for m in PERIOD_WORD_RE.finditer(s, max(0, pos - 20), pos):
        found = m.group(1)
    return found


def _apply_period(hour: int, word: str) -> tuple[int, int]:
    """24-hour clock from a 12-hour reading plus a part of the day; returns (hour, days to add)."""
    if hour > 12:
        return hour, 0  # already 24-hour ("pukul 19.30 malam")
    if word.startswith("dini") or word == "pagi":
        return (0 if hour == 12 else hour), 0
    if word == "siang":
        return (hour + 12 if 1 <= hour <= 5 else hour), 0
    if word in ("sore", "petang"):
        return (hour + 12 if 1 <= hour <= 11 else hour), 0
    # malam: 6..11 are evening hours; "12 malam" is the midnight that ends the day.
    if 6 <= hour <= 11:
        return hour + 12, 0
    if hour == 12:
        return 0, 1
    return hour, 0


def _zone_near(s: str, pos: int) -> timezone:
    """A zone word shortly after a time ("pukul 10.00 - 12.00 WITA"), else WIB."""
    near = ZONE_RE.search(s, pos, pos + 20)
    return ZONES[near.group(1)] if near else WIB


@functools.lru_cache(maxsize=64)  # pure; a site stamps every page with the same one or two offsets
def _offset(text: str) -> timezone:
    """ "z", "+0700", "+07:00", "+7" -> a fixed-offset zone (named WIB/WITA/WIT when it is one)."""
    if text == "z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours = int(digits[:2]) if len(digits) >= 3 else int(digits)
    minutes = int(digits[2:]) if len(digits) >= 3 else 0
    if hours > 14 or minutes > 59:
        raise _InvalidDate(text)
    delta = sign * timedelta(hours=hours, minutes=minutes)
    for known in (WIB, WITA, WIT, UTC):
        if known.utcoffset(None) == delta:
            return known
    return timezone(delta)


def _combine(
    day: date, hour: int, minute: int, second: int, tz: timezone, micro: int = 0
) -> datetime:
    try:
        return datetime(day.year, day.month, day.day, hour, minute, second, micro, tzinfo=tz)
    except ValueError as exc:
        raise _InvalidDate(f"{day} {hour}:{minute}:{second}") from exc


def _relative_ago(m: re.Match[str], now: datetime) -> datetime:
    """``now`` minus "N unit" from a ``RELATIVE_AGO_RE`` match, in ``now``'s zone."""
    if m.group("n"):
        n = int(m.group("n"))
    elif m.group("se"):
        n = 1
    else:
        n = _NUMBER_WORDS[m.group("word")]
    unit = m.group("unit")
    if unit not in _UNIT_DELTAS and unit not in _UNIT_MONTHS:
        unit = unit.rstrip("s")  # English plurals: "hours" -> "hour"
    if unit in _UNIT_MONTHS:
        return _months_back(now, n * _UNIT_MONTHS[unit])
    return now - n * _UNIT_DELTAS[unit]


def _months_back(now: datetime, months: int) -> datetime:
    """``now`` moved back by calendar months, the day clamped to the target month's length."""
    total = now.year * 12 + (now.month - 1) - months
    year, month = divmod(total, 12)
    month += 1
    day = now.day
    while day > 28:
        try:
            return now.replace(year=year, month=month, day=day)
        except ValueError:
            day -= 1
    return now.replace(year=year, month=month, day=day)


# --------------------------------------------------------------------------------------------
# helpers on "now" and the dateparser fallback
# --------------------------------------------------------------------------------------------


def _aware(value: datetime) -> datetime:
    """A naive datetime is read as WIB."""
    return value if value.tzinfo is not None else value.replace(tzinfo=WIB)


def _wib_today(now: datetime) -> date:
    return now.astimezone(WIB).date()


def _parse_fallback(s: str, now: datetime) -> datetime | date | None:
    """dateparser as the last resort, on short texts with a date word; result normalized."""
    if len(s) > FALLBACK_MAX_CHARS or not FALLBACK_HINT_RE.search(s):
        return None
    parser = _dateparser_for(now.astimezone(WIB).replace(tzinfo=None))
    try:
        result = parser.get_date_data(s).date_obj
    except (ValueError, OverflowError):
        return None
    if result is None:
        return None
    result = _aware(result)
    if _TIME_HINT_RE.search(s):
        return result
    return result.date()


@functools.lru_cache(maxsize=4)
def _dateparser_for(relative_base: datetime) -> Any:
    """One dateparser instance per crawl time (building one costs more than a parse)."""
    from dateparser.date import DateDataParser  # lazy: importing dateparser is slow

    settings = dict(_DATEPARSER_SETTINGS)
    settings["RELATIVE_BASE"] = relative_base
    return DateDataParser(languages=["id", "en"], settings=settings)
