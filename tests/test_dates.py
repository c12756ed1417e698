"""Tests for spektroom_crawler.extract.dates: parse_date, plausible, find_event_date, regexes."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

import spektroom_crawler
from spektroom_crawler.extract import dates
from spektroom_crawler.extract.dates import (
    DMY_TEXT_RE,
    ISO_RE,
    MDY_TEXT_RE,
    NUM_DMY_RE,
    PERIOD_RE,
    RELATIVE_AGO_RE,
    RELATIVE_DAY_RE,
    TIME_RE,
    WIB,
    WIT,
    WITA,
    YEARLESS_NUM_RE,
    YEARLESS_TEXT_RE,
    find_event_date,
    parse_date,
    plausible,
)

# Crawl time pinned for every test: Saturday 29 November 2025, 20:00 WIB.
NOW = datetime(2025, 11, 29, 20, 0, tzinfo=WIB)
UTC_TZ = UTC


def wib(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=WIB)


def wita(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=WITA)


EST_DT = datetime(2025, 11, 29, 10, 0, tzinfo=timezone(-timedelta(hours=5)))

CASES: list[tuple[str | None, datetime | date | None]] = [
    # --- visible article dates: day name, full/short month, time and zone -----------------
    ("Sabtu, 29 November 2025 - 19:45 WIB", wib(2025, 11, 29, 19, 45)),
    ("Senin, 1 Des 2025 08.15 WIB", wib(2025, 12, 1, 8, 15)),
    ("Kamis, 4 Desember 2025 | 10:20 WITA", datetime(2025, 12, 4, 10, 20, tzinfo=WITA)),
    ("Jumat, 28 November 2025 14:30 WIT", datetime(2025, 11, 28, 14, 30, tzinfo=WIT)),
    ("Jum'at, 28 November 2025 14:30 WIB", wib(2025, 11, 28, 14, 30)),
    ("Jum’at, 28 November 2025 14:30 WIB", wib(2025, 11, 28, 14, 30)),
    ("Ahad, 23 November 2025 07.00 WIB", wib(2025, 11, 23, 7, 0)),
    ("Minggu, 23 November 2025", date(2025, 11, 23)),
    ("Selasa 25 November 2025", date(2025, 11, 25)),
    ("RABU, 26 NOVEMBER 2025 - 09:05 WIB", wib(2025, 11, 26, 9, 5)),
    ("rabu, 26 november 2025", date(2025, 11, 26)),
    ("Kamis, 27 November 2025 19:45", wib(2025, 11, 27, 19, 45)),
    ("29 November 2025", date(2025, 11, 29)),
    ("Sabtu, 29 November 2025 | 19:45:30 WIB", wib(2025, 11, 29, 19, 45, 30)),
    # --- every month name and abbreviation ---------------------------------------------------
    ("5 Januari 2025", date(2025, 1, 5)),
    ("5 Jan 2025", date(2025, 1, 5)),
    ("14 Februari 2025", date(2025, 2, 14)),
    ("14 Feb 2025", date(2025, 2, 14)),
    ("14 Peb 2025", date(2025, 2, 14)),
    ("14 Pebruari 2025", date(2025, 2, 14)),
    ("17 Maret 2025", date(2025, 3, 17)),
    ("17 Mar 2025", date(2025, 3, 17)),
    ("2 April 2025", date(2025, 4, 2)),
    ("2 Apr 2025", date(2025, 4, 2)),
    ("20 Mei 2025", date(2025, 5, 20)),
    ("1 Juni 2025", date(2025, 6, 1)),
    ("1 Jun 2025", date(2025, 6, 1)),
    ("9 Juli 2025", date(2025, 7, 9)),
    ("9 Jul 2025", date(2025, 7, 9)),
    ("17 Agustus 2025", date(2025, 8, 17)),
    ("17 Agu 2025", date(2025, 8, 17)),
    ("17 Agt 2025", date(2025, 8, 17)),
    ("17 Ags 2025", date(2025, 8, 17)),
    ("3 September 2025", date(2025, 9, 3)),
    ("3 Sep 2025", date(2025, 9, 3)),
    ("3 Sept 2025", date(2025, 9, 3)),
    ("28 Oktober 2025", date(2025, 10, 28)),
    ("28 Okt 2025", date(2025, 10, 28)),
    ("10 Nov 2025", date(2025, 11, 10)),
    ("10 Nop 2025", date(2025, 11, 10)),
    ("10 Nopember 2025", date(2025, 11, 10)),
    ("25 Des 2025", date(2025, 12, 25)),
    ("25 Des. 2025", date(2025, 12, 25)),
    # --- "pukul", 12-hour context, "sekira pukul" -------------------------------------------
    ("Rabu, 26 November 2025 pukul 14.30 WIB", wib(2025, 11, 26, 14, 30)),
    ("26 November 2025 pukul 14.30", wib(2025, 11, 26, 14, 30)),
    ("Jumat, 28 November 2025 pukul 7.30 malam", wib(2025, 11, 28, 19, 30)),
    ("Jumat, 28 November 2025 pukul 3 sore", wib(2025, 11, 28, 15, 0)),
    ("Jumat, 28 November 2025 pukul 1 siang", wib(2025, 11, 28, 13, 0)),
    ("Jumat, 28 November 2025 pukul 9 pagi", wib(2025, 11, 28, 9, 0)),
    ("Rabu, 26 November 2025 dini hari pukul 02.00 WIT", datetime(2025, 11, 26, 2, 0, tzinfo=WIT)),
    ("Rabu (26/11/2025) malam sekitar pukul 8.15", wib(2025, 11, 26, 20, 15)),
    ("Senin (24/11/2025) sekira pukul 16.00 WIB", wib(2025, 11, 24, 16, 0)),
    ("Senin, 24 November 2025 pukul 12 malam", wib(2025, 11, 25, 0, 0)),
    ("Senin, 24 November 2025 pukul 19.30 WIB malam", wib(2025, 11, 24, 19, 30)),
    ("Sabtu, 29 November 2025 pukul 10.00 - 12.00 WITA", wita(2025, 11, 29, 10, 0)),
    # --- numeric day-first dates -------------------------------------------------------------
    ("26/11/2025", date(2025, 11, 26)),
    ("6/8/2025", date(2025, 8, 6)),
    ("06/08/2025", date(2025, 8, 6)),
    ("03/04/2025", date(2025, 4, 3)),
    ("26-11-2025", date(2025, 11, 26)),
    ("6-8-2025", date(2025, 8, 6)),
    ("06.12.2025", date(2025, 12, 6)),
    ("26/11/25", date(2025, 11, 26)),
    ("27/03/2024 06:16", wib(2024, 3, 27, 6, 16)),
    ("Rabu (26/11/2025)", date(2025, 11, 26)),
    # --- prefixes and suffixes ---------------------------------------------------------------
    ("Kompas.com - 27/03/2024, 06:16 WIB", wib(2024, 3, 27, 6, 16)),
    ("Diperbarui: Sabtu, 29 November 2025 - 19:45 WIB", wib(2025, 11, 29, 19, 45)),
    ("Diterbitkan 28 November 2025, 08:00 WIB", wib(2025, 11, 28, 8, 0)),
    ("Dipublikasikan pada Jumat, 28 November 2025", date(2025, 11, 28)),
    ("Update: 29/11/2025 10:20 WITA", datetime(2025, 11, 29, 10, 20, tzinfo=WITA)),
    ("Spektroom | Sabtu, 29 November 2025 | 19:45 WIB | Dibaca 120x", wib(2025, 11, 29, 19, 45)),
    ("19:45 WIB, Sabtu 29 November 2025", wib(2025, 11, 29, 19, 45)),
    ("Oleh Apolonius - 29 November 2025 19:45 WIB", wib(2025, 11, 29, 19, 45)),
    ("  Sabtu,\u00a029\u00a0November 2025  ", date(2025, 11, 29)),
    # --- yearless -----------------------------------------------------------------------------
    ("(23/11)", date(2025, 11, 23)),
    ("Minggu (23/11)", date(2025, 11, 23)),
    ("(29/11)", date(2025, 11, 29)),
    ("(30/11)", date(2024, 11, 30)),  # not after now: last year's
    ("(29/2)", date(2024, 2, 29)),  # leap day: the latest one
    ("Senin, 24 November", date(2025, 11, 24)),
    ("Kamis (27/11) pukul 09.00 WIB", wib(2025, 11, 27, 9, 0)),
    # --- relative forms ----------------------------------------------------------------------
    ("2 jam yang lalu", wib(2025, 11, 29, 18, 0)),
    ("30 menit lalu", wib(2025, 11, 29, 19, 30)),
    ("sejam yang lalu", wib(2025, 11, 29, 19, 0)),
    ("semenit lalu", wib(2025, 11, 29, 19, 59)),
    ("45 detik lalu", wib(2025, 11, 29, 19, 59, 15)),
    ("3 hari lalu", wib(2025, 11, 26, 20, 0)),
    ("sehari yang lalu", wib(2025, 11, 28, 20, 0)),
    ("1 minggu lalu", wib(2025, 11, 22, 20, 0)),
    ("2 pekan lalu", wib(2025, 11, 15, 20, 0)),
    ("3 bulan lalu", wib(2025, 8, 29, 20, 0)),
    ("setahun lalu", wib(2024, 11, 29, 20, 0)),
    ("tiga hari yang lalu", wib(2025, 11, 26, 20, 0)),
    ("Diperbarui 5 jam yang lalu", wib(2025, 11, 29, 15, 0)),
    ("2 hours ago", wib(2025, 11, 29, 18, 0)),
    ("kemarin", date(2025, 11, 28)),
    ("Kemarin", date(2025, 11, 28)),
    ("kemarin lusa", date(2025, 11, 27)),
    ("hari ini", date(2025, 11, 29)),
    ("kemarin pukul 14.30", wib(2025, 11, 28, 14, 30)),
    ("Hari ini, 10:20 WITA", datetime(2025, 11, 29, 10, 20, tzinfo=WITA)),
    ("baru saja", NOW),
    ("Baru saja", NOW),
    # --- ISO 8601 ----------------------------------------------------------------------------
    ("2025-11-29T19:45:00+07:00", wib(2025, 11, 29, 19, 45)),
    ("2025-11-29T19:45:00+0700", wib(2025, 11, 29, 19, 45)),
    ("2025-11-29T12:45:00Z", datetime(2025, 11, 29, 12, 45, tzinfo=UTC_TZ)),
    ("2025-11-29T12:45:00+00:00", datetime(2025, 11, 29, 12, 45, tzinfo=UTC_TZ)),
    ("2025-11-29T19:45:00", wib(2025, 11, 29, 19, 45)),
    ("2025-11-29 19:45", wib(2025, 11, 29, 19, 45)),
    ("2025-11-29T19:45:00.123456+08:00", datetime(2025, 11, 29, 19, 45, 0, 123456, tzinfo=WITA)),
    ("2025-11-29", date(2025, 11, 29)),
    ("2025-11-29T10:00:00-05:00", EST_DT),
    # --- English fallbacks and feed dates ----------------------------------------------------
    ("November 26, 2025", date(2025, 11, 26)),
    ("Nov 26, 2025 10:00 AM", wib(2025, 11, 26, 10, 0)),
    ("26 Nov 2025 10:00", wib(2025, 11, 26, 10, 0)),
    ("Sat, 29 Nov 2025 12:45:00 +0000", datetime(2025, 11, 29, 12, 45, tzinfo=UTC_TZ)),
    ("Sat, 29 Nov 2025 12:45:00 GMT", datetime(2025, 11, 29, 12, 45, tzinfo=UTC_TZ)),
    ("Saturday, November 29, 2025 7:45 pm", wib(2025, 11, 29, 19, 45)),
    ("Saturday 29th of November 2025", date(2025, 11, 29)),  # only dateparser reads "of"
    # --- zones, offsets, ranges and noise after the time ------------------------------------
    ("Sabtu, 29 November 2025 19:45 GMT+7", wib(2025, 11, 29, 19, 45)),
    ("29 Nov 2025 12:45 UTC+07:00", wib(2025, 11, 29, 12, 45)),
    ("Sabtu, 29 November 2025 pukul 19:45-20:00", wib(2025, 11, 29, 19, 45)),  # not -20:00
    ("Posted on November 29, 2025 at 7:45 pm", wib(2025, 11, 29, 19, 45)),
    ("Sabtu, 29 November 2025 | Dibaca 1.234 kali", date(2025, 11, 29)),
    ("Sabtu, 29 November 2025 - 3 menit baca", date(2025, 11, 29)),
    ("Kamis, 4 Desember 2025 | 10:20 WITA | Dibaca: 120", wita(2025, 12, 4, 10, 20)),
    ("29 November 2025 pukul 12.30 dini hari", wib(2025, 11, 29, 0, 30)),
    ("Minggu, 23/11", date(2025, 11, 23)),
    ("2025-11-29T19:45:00.000Z", datetime(2025, 11, 29, 19, 45, tzinfo=UTC_TZ)),
    ("2025-11-29T19:45+07:00", wib(2025, 11, 29, 19, 45)),
    ("2025/11/29", date(2025, 11, 29)),
    ("27-03-2024 06:16", wib(2024, 3, 27, 6, 16)),
    ("29.11.2025 pukul 10.00", wib(2025, 11, 29, 10, 0)),
    # an absolute time beats the relative note beside it
    ("Sabtu, 29 November 2025 20.00 WIB (2 jam lalu)", wib(2025, 11, 29, 20, 0)),
    # a date parse_date reads but plausible() rejects
    ("tanggal 17 Agustus 1945", date(1945, 8, 17)),
    # --- the site header's "today", far from now: a date for parse_date, not plausible -----
    ("Sabtu, 28 November 2026", date(2026, 11, 28)),
    # --- negatives ---------------------------------------------------------------------------
    (None, None),
    ("", None),
    ("   ", None),
    ("lorem ipsum dolor", None),
    ("Berita terkini hari", None),
    ("33 Desember 2025", None),
    ("31/02/2025", None),
    ("29 Februari 2025", None),
    ("0/11/2025", None),
    ("12/13/2025", None),  # day first: month 13 does not exist
    ("Sabtu, 29 November 2025 - 25:61 WIB", None),  # an impossible time spoils the text
    ("25:61 WIB", None),
    ("14:30 WIB", None),  # a time without a date is not a date
    ("0812-3456-7890", None),
    ("+62 812 3456 7890", None),
    ("(021) 555-1234", None),
    ("2025", None),
    ("tahun 2025", None),
    ("November 2025", None),
    ("1/2", None),
    ("skor 2-1", None),
    ("Rabu lalu", None),
    ("v1.2.3", None),
    ("Sabtu, 29 November 2025 24:00", None),
    ("(31/11)", None),
    ("2025-13-01", None),
    ("2025-11-29T19:45:00+25:00", None),
    ("beberapa hari lalu", None),
    ("14.30.00 WIB", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(c[0])[:60] for c in CASES])
def test_parse_date_table(text: str | None, expected: datetime | date | None) -> None:
    result = parse_date(text, now=NOW)
    assert result == expected
    assert type(result) is type(expected)
    if isinstance(expected, datetime):
        assert isinstance(result, datetime)
        assert result.utcoffset() == expected.utcoffset()


def test_non_string_input_is_none() -> None:
    assert parse_date(b"26/11/2025", now=NOW) is None  # type: ignore[arg-type]
    assert parse_date(20251126, now=NOW) is None  # type: ignore[arg-type]
    assert find_event_date(None, reference=PUB) is None  # type: ignore[arg-type]


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80


def test_exported_from_package() -> None:
    assert spektroom_crawler.parse_date is parse_date
    assert "parse_date" in spektroom_crawler.__all__
    assert {"Article", "Dateline", "Quote"} <= set(spektroom_crawler.__all__)


def test_zone_constants() -> None:
    assert WIB.utcoffset(None) == timedelta(hours=7)
    assert WITA.utcoffset(None) == timedelta(hours=8)
    assert WIT.utcoffset(None) == timedelta(hours=9)


def test_z_time_keeps_instant_and_offset() -> None:
    result = parse_date("2025-11-29T12:45:00Z", now=NOW)
    assert isinstance(result, datetime)
    assert result.utcoffset() == timedelta(0)
    assert result == wib(2025, 11, 29, 19, 45)  # same instant


def test_relative_uses_now_zone() -> None:
    now_utc = datetime(2025, 11, 29, 13, 0, tzinfo=UTC)
    result = parse_date("2 jam yang lalu", now=now_utc)
    assert isinstance(result, datetime)
    assert result == datetime(2025, 11, 29, 11, 0, tzinfo=UTC)
    assert result.utcoffset() == timedelta(0)


def test_naive_now_is_wib() -> None:
    assert parse_date("30 menit lalu", now=datetime(2025, 11, 29, 20, 0)) == wib(
        2025, 11, 29, 19, 30
    )


def test_calendar_words_use_wib_calendar() -> None:
    # 18:00 UTC on the 28th is already 01:00 WIB on the 29th.
    late_utc = datetime(2025, 11, 28, 18, 0, tzinfo=UTC)
    assert parse_date("hari ini", now=late_utc) == date(2025, 11, 29)
    assert parse_date("(29/11)", now=late_utc) == date(2025, 11, 29)


def test_now_none_means_current_time() -> None:
    before = datetime.now(WIB)
    result = parse_date("baru saja")
    after = datetime.now(WIB)
    assert isinstance(result, datetime)
    assert before <= result <= after
    assert parse_date("26/11/2025") == date(2025, 11, 26)


def test_fast_path_does_not_import_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    # Setting a sys.modules entry to None makes any import of it fail.
    monkeypatch.setitem(sys.modules, "dateparser", None)
    monkeypatch.setitem(sys.modules, "dateparser.date", None)
    for text in (
        "Sabtu, 29 November 2025 - 19:45 WIB",
        "26/11/2025",
        "2025-11-29T19:45:00Z",
        "2 jam yang lalu",
        "kemarin",
        "(23/11)",
        "0812-3456-7890",
        "lorem ipsum",
    ):
        parse_date(text, now=NOW)


def test_fallback_result_is_normalized_to_wib() -> None:
    result = parse_date("Saturday 29th of November 2025 at 7:45 pm", now=NOW)
    assert result == wib(2025, 11, 29, 19, 45)
    assert isinstance(result, datetime)
    assert result.utcoffset() == timedelta(hours=7)


def test_fallback_skips_long_text() -> None:
    long_text = "Saturday 29th of November 2025 " + "lorem ipsum " * 20
    assert parse_date(long_text, now=NOW) is None


# --------------------------------------------------------------------------------------------
# plausible
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2025, 11, 29), True),
        (date(2025, 11, 30), True),  # one day of clock skew
        (date(2025, 12, 1), False),
        (date(2026, 11, 28), False),  # the header's "today" a year later
        (date(1995, 1, 1), True),
        (date(1994, 12, 31), False),
        (date(1970, 1, 1), False),
        (wib(2025, 11, 29, 19, 45), True),
        (wib(2025, 11, 30, 20, 0), True),
        (wib(2025, 11, 30, 20, 1), False),
        (datetime(1994, 12, 31, 17, 0, tzinfo=UTC), True),  # 1995-01-01 00:00 WIB
        (datetime(1994, 12, 31, 16, 59, tzinfo=UTC), False),
        (datetime(2025, 11, 29, 19, 45), True),  # naive: read as WIB
    ],
)
def test_plausible(value: datetime | date, expected: bool) -> None:
    assert plausible(value, now=NOW) is expected


def test_plausible_with_parsed_header_date() -> None:
    header = parse_date("Sabtu, 28 November 2026", now=NOW)
    assert header == date(2026, 11, 28)
    assert not plausible(header, now=NOW)
    assert plausible(header, now=datetime(2026, 11, 28, 9, 0, tzinfo=WIB))


def test_plausible_rejects_historic_date_in_text() -> None:
    value = parse_date("tanggal 17 Agustus 1945", now=NOW)
    assert value == date(1945, 8, 17)
    assert not plausible(value, now=NOW)


def test_plausible_naive_now() -> None:
    assert plausible(date(2025, 11, 29), now=datetime(2025, 11, 29, 1, 0))


# --------------------------------------------------------------------------------------------
# find_event_date
# --------------------------------------------------------------------------------------------

LEAD = (
    "Spektroom – Komitmen Kapuas Hulu dalam memerangi tindak pidana perdagangan orang (TPPO) "
    "kembali mendapat pengakuan di tingkat provinsi. Pada Rapat Koordinasi Pencegahan dan "
    "Penanganan, Launching GT-PP TPPO, serta Deklarasi dan Komitmen Bersama Pencegahan dan "
    "Penanganan TPPO yang berlangsung di Balai Petitih Kantor Gubernur Kalimantan Barat, "
    "Rabu (26/11/2025), daerah tersebut menerima penghargaan atas kontribusi aktif sepanjang "
    "tahun 2025."
)
PUB = date(2025, 11, 27)


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        (LEAD, PUB, date(2025, 11, 26)),
        (LEAD, None, date(2025, 11, 26)),
        (
            "PONTIANAK, Spektroom – Gubernur meresmikan jembatan, Jumat (15/8/2025).",
            PUB,
            date(2025, 8, 15),
        ),
        (
            "Spektroom - Koordinator Lapangan program PMI Jember–JRCS, Weni Catur Fitriani, "
            "menjelaskan program kerjasama. Sabtu (06/12/2025). Weni menjelaskan.",
            None,
            date(2025, 12, 6),
        ),
        (
            "AGAM, Spektroom – Warga bergotong royong membersihkan saluran air, Minggu (23/11).",
            PUB,
            date(2025, 11, 23),
        ),
        ("Warga bergotong royong, Minggu (23/11).", None, None),  # yearless needs a reference
        ("Warga bergotong royong, Minggu (30/11).", PUB, date(2024, 11, 30)),
        (
            "Rapat digelar pada Senin, 24 November 2025 di aula kantor bupati.",
            PUB,
            date(2025, 11, 24),
        ),
        ("Rapat digelar pada Senin, 24 November di aula kantor bupati.", PUB, date(2025, 11, 24)),
        ("Kegiatan berlangsung Jum'at (21/11/2025) pagi.", PUB, date(2025, 11, 21)),
        ("Kegiatan berlangsung Jum’at (21/11/2025) pagi.", PUB, date(2025, 11, 21)),
        ("Kegiatan berlangsung Kamis, tanggal 20 November 2025.", PUB, date(2025, 11, 20)),
        ("Kegiatan itu berlangsung (26/11/2025) di Sintang.", PUB, date(2025, 11, 26)),
        ("Kegiatan berlangsung pada 26 November 2025 di Sintang.", PUB, date(2025, 11, 26)),
        # first expression wins
        (
            "Selasa (25/11/2025) warga rapat; Kamis (27/11/2025) mereka kembali.",
            PUB,
            date(2025, 11, 25),
        ),
        # a reference given as an aware datetime is read on the WIB calendar
        (
            "Warga bergotong royong, Minggu (23/11).",
            datetime(2025, 11, 22, 18, 0, tzinfo=UTC),
            date(2025, 11, 23),
        ),
        # a day-named date beats an earlier bare reference date
        (
            "Program yang berjalan sejak 1 Januari 2024 itu dievaluasi Rabu (26/11/2025).",
            PUB,
            date(2025, 11, 26),
        ),
        (
            "Aturan berlaku sejak 01/01/2024 dan dibahas lagi Rabu (26/11/2025).",
            PUB,
            date(2025, 11, 26),
        ),
        (
            "Sejak 1 Januari 2024, lalu 01/02/2024, warga rapat lagi Rabu (26/11/2025).",
            PUB,
            date(2025, 11, 26),
        ),
        ("Aturan itu berlaku sejak 1 Januari 2024 di seluruh desa.", PUB, date(2024, 1, 1)),
        ("Kegiatan itu (26 November 2025) diikuti 300 warga.", PUB, date(2025, 11, 26)),
        ("Kegiatan berlangsung Rabu (26/11/25) di Sintang.", PUB, date(2025, 11, 26)),
        ("Kegiatan berlangsung Rabu, November 26, 2025 di Sintang.", PUB, date(2025, 11, 26)),
        ("Tabel 26/11/25 memuat data warga.", PUB, None),  # bare two-digit year: too weak
        # negatives
        ("Rapat sudah digelar Rabu lalu di aula kantor bupati.", PUB, None),
        ("Skor akhir (1/2) untuk tim tamu.", PUB, None),
        ("Pertandingan berakhir 2-1 pada babak kedua.", PUB, None),
        ("Hubungi 0812-3456-7890 untuk informasi.", PUB, None),
        ("Rabu (33/11/2025) tertulis salah.", PUB, None),
        # a numbered document is not an event date; the day-named date after it is
        (
            "Berdasarkan Surat Edaran Nomor 3/11/2025, warga berkumpul Rabu (26/11/2025).",
            PUB,
            date(2025, 11, 26),
        ),
        # an impossible yearless date is skipped
        ("Warga berkumpul Minggu (30/2), lalu Rabu (26/11/2025).", PUB, date(2025, 11, 26)),
        ("", PUB, None),
        ("Sepanjang tahun 2025 daerah itu aktif.", PUB, None),
        # no digit at all: no date form can match
        ("Warga berkumpul pada Rabu pagi di balai desa.", PUB, None),
        # the scans start at the first digit, but the lookbehinds still see the text before it
        ("Arsip 3.11/2025 dibuka, warga berkumpul Rabu (26/11/2025).", PUB, date(2025, 11, 26)),
        ("Senin, 24 November lalu, 12 warga berkumpul.", PUB, date(2025, 11, 24)),
    ],
)
def test_find_event_date(text: str, reference: date | None, expected: date | None) -> None:
    assert find_event_date(text, reference=reference) == expected


# --------------------------------------------------------------------------------------------
# module-level regex constants: positive and negative
# --------------------------------------------------------------------------------------------

REGEX_CASES = [
    (ISO_RE, "2025-11-29T19:45:00+07:00", True),
    (ISO_RE, "2025/11/29", True),
    (ISO_RE, "29-11-2025", False),
    (ISO_RE, "0812-3456-7890", False),
    (DMY_TEXT_RE, "29 november 2025", True),
    (DMY_TEXT_RE, "26-nov-2025", True),
    (DMY_TEXT_RE, "29 novelis 2025", False),
    (DMY_TEXT_RE, "november 2025", False),
    (MDY_TEXT_RE, "november 26, 2025", True),
    (MDY_TEXT_RE, "november 2025", False),
    (NUM_DMY_RE, "26/11/2025", True),
    (NUM_DMY_RE, "6-8-2025", True),
    (NUM_DMY_RE, "0812-3456-7890", False),
    (NUM_DMY_RE, "26/11-2025", False),
    (YEARLESS_NUM_RE, "(23/11)", True),
    (YEARLESS_NUM_RE, "minggu (23/11)", True),
    (YEARLESS_NUM_RE, "1/2", False),
    (YEARLESS_NUM_RE, "(26/11/2025)", False),
    (YEARLESS_TEXT_RE, "24 november", True),
    (YEARLESS_TEXT_RE, "24 november 2025", False),
    (TIME_RE, "pukul 14.30", True),
    (TIME_RE, "19:45 wib", True),
    (TIME_RE, "harga 1.500", False),
    (PERIOD_RE, " malam", True),
    (PERIOD_RE, " malamnya", False),
    (RELATIVE_AGO_RE, "2 jam yang lalu", True),
    (RELATIVE_AGO_RE, "sejam lalu", True),
    (RELATIVE_AGO_RE, "2 jam lagi", False),
    (RELATIVE_DAY_RE, "kemarin lusa", True),
    (RELATIVE_DAY_RE, "kemarinnya", False),
]


@pytest.mark.parametrize(
    ("regex", "text", "matches"),
    REGEX_CASES,
    ids=[f"{r.pattern[:12]}-{t}" for r, t, _ in REGEX_CASES],
)
def test_regex_constants(regex: object, text: str, matches: bool) -> None:
    assert hasattr(regex, "search")
    found = regex.search(text)  # type: ignore[attr-defined]
    if matches:
        assert found is not None
    elif regex is TIME_RE:
        # TIME_RE finds digits anywhere; a thousands separator must not read as "1:50".
        assert found is None or found.group("mi") is None
    else:
        assert found is None


def test_invalid_date_error_is_internal() -> None:
    assert issubclass(dates._InvalidDate, ValueError)
    with pytest.raises(dates._InvalidDate):
        dates._make_date(2025, 2, 29)


# --------------------------------------------------------------------------------------------
# find_event_date's cheap gates: a core regex must match wherever its full regex matches
# --------------------------------------------------------------------------------------------

GATED_TEXTS = [
    "pada november 26, 2025 lalu",
    "sabtu, nov. 29th 2025",
    "minggu (23/11) pagi",
    "senin 24/11 di balai desa",
    "pada senin, 24 november, warga berkumpul",
    "rabu (26-nov) sore",
    "kamis, tgl. 4 des, pukul 10.00",
    "jum'at ( 28 / 11 ) malam",
    "diresmikan 1 januari 2024 dan dibuka (3/2)",
    "sepanjang 12345 meter",  # a long number: the MDY core passes, MDY_TEXT_RE does not
]


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_event_gates_never_hide_a_match(text: str) -> None:
    """Every full-regex match implies a core match, so skipping on "no core" is exact."""
    pairs = [
        (MDY_TEXT_RE, dates.MDY_CORE_RE),
        (YEARLESS_NUM_RE, dates.YEARLESS_NUM_CORE_RE),
        (dates.EVENT_YEARLESS_TEXT_RE, dates.YEARLESS_TEXT_CORE_RE),
    ]
    for full, core in pairs:
        if full.search(text):
            assert core.search(text), (full.pattern[:30], text)
            assert dates.ANY_CORE_RE.search(text), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pada November 26, 2025 lalu, warga berkumpul.", date(2025, 11, 26)),
        ("Warga berkumpul pada Senin, 24 November, di balai desa.", date(2025, 11, 24)),
        ("Warga berkumpul Minggu (23/11) di balai desa.", date(2025, 11, 23)),
        ("Jalan sepanjang 12345 meter itu rusak berat.", None),
        ("Warga berkumpul pada Jum\u2019at (28/11) malam.", date(2025, 11, 28)),
    ],
)
def test_find_event_date_through_the_gates(text: str, expected: date | None) -> None:
    assert find_event_date(text, reference=date(2025, 11, 30)) == expected


def test_digit_led_regexes_keep_their_lookbehind() -> None:
    # "\d(?<![\d.:/]\d)\d?" must still refuse a digit glued to a number before it.
    assert DMY_TEXT_RE.search("1.29 november 2025") is None
    assert DMY_TEXT_RE.search("x29 november 2025").group("d") == "29"  # type: ignore[union-attr]
    assert NUM_DMY_RE.search("x126/11/2025") is None
    assert ISO_RE.search("12025-11-29") is None
    assert ISO_RE.search("x2025-11-29").group("y") == "2025"  # type: ignore[union-attr]
