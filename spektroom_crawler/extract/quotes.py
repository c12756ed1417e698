"""Direct and indirect quotes, with their speakers, from Indonesian news paragraphs.

Pure text in, `Quote` records out: no Scrapy, no parsel. `extract_quotes` never raises; bad
items (None, non-strings) count as empty paragraphs so paragraph indexes stay aligned.

Text normalization (the exact rules fixture writers follow)
-----------------------------------------------------------
Every paragraph first has its whitespace runs (NBSP and newlines included) collapsed to one
space and is stripped.

Direct quotes (`kind="direct"`):
- Quote marks are the double marks `"` “ ” „ ‟ « » ″. Single marks (‘ ’ ') never delimit a
  quote (they mark terms inside one, and the apostrophe of "Jum'at"). A mark opens or closes by
  its neighbours (space, start or "(" before and a character after: opens; a character before
  and a space, punctuation or the end after: closes), so ”Kami ...,” and mixed "...” pairs
  work; when the neighbours do not decide, the glyph does (“ opens, ” closes, " toggles).
- `text` is what stands between the marks, whitespace collapsed, with the trailing comma
  removed: a trailing "," and a trailing ".," (a typo for ",") go; a final ".", "?", "!" or
  "..." stays ('"Kami siap." kata X' keeps the period, as written). Quotes nested inside a quote
  stay in the text with their marks; a comma outside the closing mark ('«...», tegas X') is not
  part of the text.
- A split quote ('"Kami siap," kata Lili, "untuk membantu."': an attribution ending with a
  comma or colon and the next quote right after it) is ONE quote: the parts, each cleaned as
  above, joined with one space: "Kami siap untuk membantu."; the first attribution counts.
- A quote running over several paragraphs (opening mark on each, closing only on the last) is
  ONE quote: the parts joined with one space, `paragraph` = the first one. A last paragraph that
  forgot its opening mark still continues the quote when its first mark closes a quote and a
  speech verb follows. A paragraph whose only opening mark is missing ('Kami siap," ujar X.')
  gives a quote from the paragraph start when a speech verb follows the closing mark.
- A quoted span is speech when (a) a speech verb follows its closing mark ('," ujar Sukardi.',
  '," tegasnya.', '," Sukardi menambahkan.') and the span ends with , . ! ? or starts a
  sentence; or (b) a speech verb introduces it ('Weni mengatakan, "..."', 'Menurut Weni, "..."',
  'Kata Lili: "..."', 'Ia menegaskan bahwa "..."'), the span ends its clause (ends with
  punctuation, or no lower-case word follows the closing mark) and a comma/colon/"bahwa" leads
  in or the span is sentence-like (ends with punctuation or has 5+ words); or (c) it has no
  attribution but starts a sentence, nothing lower-case follows it, and it is sentence-like
  (3+ words, or ends with . ! ?): then `verb` is None, and so is `speaker` unless the quote
  continues the quote before it, in the same or the previous paragraph ('“Kami siap,” kata
  Sukardi. “Semua tim bergerak.”': Sukardi's, with his title). Anything else (program
  names, terms: 'program "Jumat Berkah"', 'istilah “zero ODOL”', 'aplikasi "Lapor Pak"') is not
  a quote.
- When a quote has attributions on both sides, the closing one counts unless it names no one
  (-nya, a pronoun, "kata seorang warga") and the opening one names a person.
- A person described and named by what they are called ('," ucap pria yang akrab disapa Bang
  Iwan itu.') is that name, without the address term: Iwan.
- A speech verb after a quote followed by no person ('," kata seorang warga.') still makes a
  quote (when the quote ends with punctuation): speaker None, `speaker_title` the role words
  when there are any ("seorang warga"), else None.

Indirect speech (`kind="indirect"`), outside direct quotes only:
- "SUBJECT VERB, clause", "SUBJECT VERB bahwa clause", "SUBJECT VERB: clause" with VERB one of
  the me- speech verbs (ME_VERBS below), also with an adjunct before the comma or "bahwa"
  ("mengatakan kepada wartawan, Senin (24/11/2025), clause"); "SUBJECT mengatakan clause"
  and "... menuturkan clause" with the clause right after the verb (not "hal itu ...", and
  the clause opening lower-case: the other me- verbs take objects, "menyampaikan terima
  kasih"); and "Menurut SUBJECT, clause" / "Menurutnya, clause"
  at the start of a sentence (after connectors such as "Sementara itu,"); the passive speech
  verbs (PASSIVE_VERBS: "Dikatakan Sukardi, ...", "Dijelaskannya, ...", "Disampaikan oleh
  Camat Yohanes, ...") open a sentence the same way, and read like "menurut" inside one.
  Inside a sentence,
  "A, menurut X, B." and "A, menurut X." (the attribution between commas or ending the
  sentence; "menurutnya" too) give the statement "A B." / "A." of X, when the sentence has no
  direct quote and no me- verb's speech; "A menurut X B" without commas is not taken.
  Reported speech without quote marks, "A, kata Sukardi." / "A, ujarnya." (a short speech
  verb after a comma, the attribution ending the sentence, perhaps with "kepada wartawan,
  Senin (24/11/2025)" after it), gives "A." when it names a person, a role or a pronoun (not
  "kata seorang warga") and the sentence has no quote mark and no other speech; A has three
  words at least. The same attribution between commas inside the sentence, "A, kata
  Sukardi, B." / "A, ujarnya, B." (B opening with a lower-case word), gives "A B.".
  A role between commas after the name is the speaker's title, in both places: "Menurut
  Sukardi, Kepala Dinas Sosial, ..." and "A, kata Sukardi, Kepala Dinas Pangan, B.".
  SUBJECT is the sentence up to the verb, minus a leading dateline ("PUTUSSIBAU, Spektroom –
  "), leading connectors ("Namun", "Sementara itu", ...), a leading adverbial clause ending in
  a comma ("Dalam sambutannya, ...") and adverbs before the verb ("juga", "pun", "kembali",
  ...); it must be a person: a name, a role such as "Kepala Desa setempat", or a pronoun.
- `text` is the clause after the comma / "bahwa" / colon up to and including the punctuation
  that ends the sentence (or the end of the paragraph), whitespace collapsed, trailing comma
  removed; a direct quote later in the same sentence ends the clause before it. When the
  clause opens with a quoted phrase that is not a direct quote by the rules above ('Sukardi
  mengatakan bahwa “kerja sama lintas sektor” menjadi kunci ...'), it is indirect speech with
  the phrase, marks included, in its text.

Speakers:
- `verb` is the verb as written, lower-cased ("ujar", "tegasnya", "mengatakan", "menurut",
  "menurutnya").
- `speaker` is the bare name from `split_person`; `speaker_title` its role. A named speaker's
  title is remembered: when the same person is named again without a title, or referred to by
  a pronoun, the last title seen for them is used.
- -nya verbs (katanya, ujarnya, tegasnya, ...) and the pronouns ia, dia, beliau (and "pihaknya"
  as a subject) resolve, in this order, to: the named person opening the previous sentence,
  which is the one before in the same paragraph, or the last one of the previous paragraph
  when the quote's sentence opens its paragraph ("Salah seorang petani, Suparmi (45), mengaku
  terbantu. “...,” tuturnya." -> Suparmi, title "Salah seorang petani"; the subject is the
  run of name/role/organisation words at the sentence start, an age in brackets skipped,
  followed by a lower-case word; "Warga Desa Sibau" names a place, no person); else the most
  recent named speaker of a quote (direct or indirect), across paragraphs. A person
  mentioned elsewhere is not a speaker, but one named by a passive statement sentence ("Hal
  senada disampaikan oleh Kepala Desa Markus.", "Demikian dikatakan Budi saat ...") is the
  speaker of the -nya forms and pronouns after it; when it points back ("Hal itu disampaikan
  Markus.", "Demikian dikatakan Budi."), also of the unattributed quotes right before it
  (same or previous paragraph). With no speaker yet the speaker is None.
- "X melalui Y" (X through a spokesperson Y) names Y, in a subject and after a quote; in a
  subject "X didampingi Y" and "X bersama Y" name X, as those words end a mention after a
  quote. A role alone ('," tegas Kasat.') is the one speaker already seen with that role in
  their title ("Kasat Resnarkoba AKP Bambang Irawan"), else it stays a title without a name.
  Acronyms ("Ketua RT setempat", "Kepala BP3MI Kalbar") belong to a sentence's subject.
- A shorter form of a name already seen ("Weni" after "Weni Catur Fitriani") resolves to the
  full name when exactly one known name contains all its words; a one-word name that is no
  known speaker's resolves to the name the article writes out ("pungkas Jarot" after "Bupati
  Sintang Jarot Winarno meminta ...": Jarot Winarno, title "Bupati Sintang") when it writes
  it out one way only.
- Quotes are ordered by paragraph, then by position in the paragraph (the opening mark of a
  direct quote, the start of the sentence of an indirect one).

Names (`split_person`): honorifics (Dr., H., Hj., Ir., Prof., KH., Bapak, ...) and degrees
(S.Sos., M.Si., SH, MH, ...) are dropped; ranks, roles, organisations and places go to the
title. Commas (and ":", ";", "|") separate segments; the first segment made only of name words
is the name, else the trailing run of name words (capitalized, not a role/organisation/place
word) of the last segment that has one; when that run has 3+ words right after a regional
role ("Wakil Bupati Sleman Danang Maharsa"), its first word is the region and goes to the
title. Capitalized words after a place noun ("Desa Sibau", "Warga Desa Sibau", "Pemerintah Desa
Sibau") are the place unless an office holder's role comes before it ("Kepala Desa Markus").
Balinese names keep their "I"/"Ni" ("Kepala Desa I Made Suparta" -> "I Made Suparta").
A relative clause ("yang meninjau ...") is no title. All-caps words are treated as acronyms,
never names. A unit number with its place ("Dandim 1201/Mempawah") stays in the title; a date
("15/8/2025") ends a mention.

Speed (bench/quotes.py; the whole extraction must stay within 3x an lxml parse):
- The article is scanned once, not paragraph by paragraph: quote marks by str.find per glyph,
  speech verbs by one literal-prefix regex over the lower-cased article (`_verb_hints`); the
  attribution regexes then run only at those offsets (INDIRECT_VERB_RE, MENURUT_RE and
  BEFORE_VERB_RE), and only paragraphs with a mark or a verb are looked at further. Speech
  verbs are recognized as str.lower() sees them.
- A regex whose pattern starts with a repeat, a class or \b gets no fast prefix scan from the
  engine (~100-300 instructions a character): such patterns are only matched at positions
  found by str.find or a hint (the sentence bounds at ". ! ?", BEFORE_PREPOSED_RE where its
  verbs are), and CONNECTOR_RE only when the first word can open a connector. Verb
  alternations are tries (`_trie_pattern`). tests/test_quotes_scan.py pins each of these to
  the plain scan it replaces.
- Helpers that take offsets assume normalized paragraphs (single spaces, no other
  whitespace): `_before_attr` searches only the bounded tail before a mark.
- In pure Python nearly every call or method costs ~1k instructions: the hot paths test the
  usual case first and compute what only some paths need lazily (`_direct_candidates`).
- Pure functions are memoized: per mention (`_split_person`), per paragraph position
  (`_after_attr`) and per word (`_is_name_token`, `_kept_in_mention`, ...).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from spektroom_crawler.record import Quote, QuoteKind

__all__ = ["extract_quotes", "split_person"]

# --- vocabulary ---------------------------------------------------------------------------

# Short speech verbs used after a quote ('," ujar Sukardi'), also with -nya ('," tegasnya').
BASE_VERBS: tuple[str, ...] = (
    "kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "papar", "tegas", "sebut", "terang",
    "lanjut", "tambah", "imbuh", "pungkas", "sambung", "tukas", "cetus", "tandas", "timpal",
    "kilah", "beber", "urai", "tanya", "seru",
)
# Full (me-) speech verbs: before a quote ('Weni mengatakan, "..."') and in indirect speech.
ME_VERBS: tuple[str, ...] = (
    "mengatakan", "menyatakan", "menyampaikan", "menjelaskan", "menuturkan", "menegaskan",
    "mengungkapkan", "menambahkan", "menilai", "menyebutkan", "menyebut", "memaparkan",
    "menerangkan", "menekankan", "mengingatkan", "mengakui", "berkata", "mengemukakan",
    "mengutarakan", "menandaskan", "membeberkan", "menguraikan", "mengimbau", "berharap",
    "mengharapkan",
)


def _trie_pattern(words: Iterable[str]) -> str:
    """One regex for a set of plain words, as a trie: "me(?:n(?:gakui|ilai)|maparkan)".

    The engine then reads each letter once instead of trying every word in turn. A word that
    is a prefix of another becomes an optional tail, so the longest word matches, as it does
    in an alternation sorted longest first.
    """
    groups: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        groups.setdefault(word[0], []).append(word)
    branches = []
    for group in groups.values():
        first, last = group[0], group[-1]  # sorted: their common prefix is everyone's
        n = 0
        while n < len(first) and first[n] == last[n]:
            n += 1
        common = first[:n]
        tails = [w[n:] for w in group if len(w) > n]
        if not tails:
            branches.append(re.escape(common))
            continue
        optional = "?" if len(tails) < len(group) else ""
        branches.append(f"{re.escape(common)}(?:{_trie_pattern(tails)}){optional}")
    return "|".join(branches)


# The verbs as regex alternations, as tries: the engine reads each letter once instead of
# trying every verb in turn (a longest-first alternation: the same matches).
_BASE_ALT = _trie_pattern(BASE_VERBS)
_ME_ALT = _trie_pattern(ME_VERBS)

PRONOUNS = frozenset({"ia", "dia", "beliau"})
# "Pihaknya menegaskan, ..." ("his side") speaks for the last speaker too.
SUBJECT_PRONOUNS = PRONOUNS | {"pihaknya"}

HONORIFICS = frozenset({
    "dr", "drs", "dra", "drg", "h", "hj", "ir", "prof", "kh", "k.h", "ust", "ustaz", "ustadz",
    "ustadzah", "bapak", "ibu", "pak", "bu", "sdr", "sdri", "saudara", "saudari", "tuan",
    "nyonya", "ny", "tn", "hajjah", "hajah", "ns",
})
# Degrees written without dots (case-sensitive): "Ahmad Yani SH MH".
PLAIN_DEGREES = frozenset({
    "SH", "MH", "SE", "MM", "MSi", "SPd", "MPd", "SSos", "SIP", "SKom", "ST", "MT", "SKM",
    "SAg", "MAg", "SHI", "MAP", "MBA", "MSc", "Lc", "SKep", "SFarm", "SKed", "SPt", "SHut",
    "SIKom", "MKes", "SKes", "MKn", "SS", "SSi", "MPH", "PhD", "SAP", "SPdI", "SThI", "MHum",
    "SHum", "MA", "AMd", "SP", "MP",
})
DEGREE_DOTTED_RE = re.compile(
    r"(?:[SMDBA]\d?\.\s?[A-Z][A-Za-z]{0,3}\.?(?:[A-Z][a-z]{0,3}\.?)?"
    r"|Sp\.\s?[A-Z][A-Za-z]{0,4}\.?|Ph\.\s?D\.?|Ns\.|Apt\.|Lc\.|Dipl\.[A-Za-z.]+)"
)
DEGREE_FIRST = frozenset("SMDBAPNL")  # the first letters of DEGREE_DOTTED_RE's alternatives
# "Prof.Dr.H.Ahmad" -> "Prof. Dr. H. Ahmad" so honorifics are separate tokens.
HONORIFIC_GLUE_RE = re.compile(r"\b(Prof|Dr|Drs|Dra|Ir|H|Hj|KH|dr|Drg)\.(?=[A-Z])")

# Words that begin a role/title ("wakil bupati kapuas Sukardi", "Kepala Desa setempat").
ROLE_HEADS = frozenset({
    "bupati", "wakil", "wabup", "gubernur", "wagub", "wali", "walikota", "wawali", "kapolres",
    "kapolresta", "kapolda", "kapolsek", "kapolri", "wakapolres", "wakapolresta", "wakapolda",
    "kasat", "kasatreskrim", "kasatlantas", "kasatnarkoba", "kasatpolpp", "kasi", "kasie",
    "kabid", "kabag", "kasubag", "kasubbag", "kasubsi", "kasubbid", "kadis", "kadinsos",
    "kepala", "ketua", "ketum", "sekretaris", "sekda", "sekjen", "sekcam", "bendahara",
    "anggota", "direktur", "dirut", "manajer", "manager", "koordinator", "camat", "lurah",
    "kades", "kadus", "danramil", "dandim", "danrem", "danyon", "pangdam", "kasdim", "babinsa",
    "bhabinkamtibmas", "menteri", "presiden", "wapres", "rektor", "dekan", "dosen", "guru",
    "pengamat", "plt", "plh", "pj", "pjs", "kajari", "kajati", "juru", "jubir", "komandan",
    "pimpinan", "pemimpin", "staf", "staff", "ahli", "pakar", "tokoh", "pendiri", "ceo",
    "pemilik", "kanit", "panit", "kapus", "kaur", "dokter", "bidan", "perawat", "relawan",
    "penyuluh", "pendamping", "fasilitator", "inspektur", "hakim", "jaksa", "kuasa",
    "pengacara", "advokat", "perwakilan", "pengurus", "warga", "petani", "nelayan",
    "pedagang", "pengusaha", "siswa", "mahasiswa", "korban", "saksi", "humas", "kapten",
    "kolonel", "mayor", "akbp", "akp", "kompol", "kombes", "irjen", "brigjen", "komjen",
    "jenderal", "iptu", "ipda", "aiptu", "aipda", "bripka", "brigpol", "brigadir", "briptu",
    "bripda", "bharada", "letkol", "lettu", "letda", "serma", "serka", "sertu", "serda",
    "kopda", "koptu", "praka", "pratu", "prada", "mayjen", "letjen", "laksma", "laksda",
    "marsma", "marsda", "kasatpol", "reporter", "penulis", "pewarta", "wartawan", "kontributor",
    "editor", "redaktur", "fotografer", "jurnalis",
})
# Roles followed by the name of their region ("Bupati Sleman ...", "Kapolres Landak ...").
JURISDICTION_ROLES = frozenset({
    "bupati", "wabup", "gubernur", "wagub", "walikota", "kota", "wawali", "kapolres",
    "kapolresta", "kapolda", "kapolsek", "wakapolres", "wakapolda", "camat", "dandim",
    "danramil", "danrem", "pangdam", "kajari", "kajati", "dprd", "sekda", "pemkab", "pemkot",
    "pemprov", "polres", "polresta", "polda", "polsek", "kabupaten", "provinsi", "kecamatan",
    "desa", "kelurahan",
})
# "Desa Sibau", "Warga Desa Sibau", "Pemerintah Desa Sibau": the capitalized words after a
# place noun name the place, not a person, unless an office holder's role comes before it
# ("Kepala Desa Markus"); a resident is no office holder.
RESIDENT_WORDS = frozenset({"warga", "penduduk"})
PLACE_NOUNS = frozenset({
    "desa", "dusun", "kampung", "kelurahan", "kecamatan", "kabupaten", "kota", "provinsi",
})
# Capitalized words that are part of a title/organisation/place, never of a person's name.
ORG_WORDS = frozenset({
    "pol", "inf", "kav", "arh", "czi", "cpm", "tni", "polri", "dinas", "badan", "kantor",
    "sosial", "kesehatan", "pendidikan", "pertanian", "perhubungan", "pariwisata",
    "kebudayaan", "kependudukan", "pencatatan", "sipil", "lingkungan", "hidup", "pekerjaan",
    "umum", "perumahan", "kabupaten", "kota", "provinsi", "desa", "kecamatan", "kelurahan",
    "dusun", "polres", "polresta", "polda", "polsek", "kodim", "koramil", "korem", "kodam",
    "satpol", "pp", "dprd", "dpr", "dpd", "mpr", "pemkab", "pemprov", "pemkot", "pemda",
    "pemerintah", "daerah", "dinsos", "bpbd", "basarnas", "puskesmas", "rsud", "rumah",
    "sakit", "universitas", "sekolah", "organisasi", "yayasan", "lembaga", "komisi", "fraksi",
    "partai", "bidang", "bagian", "seksi", "unit", "divisi", "satuan", "satreskrim",
    "satlantas", "satnarkoba", "reskrim", "lantas", "protokol", "sekretariat", "inspektorat",
    "bappeda", "bapenda", "kementerian", "kemensos", "kemenkes", "pusat", "cabang", "wilayah",
    "regional", "program", "lapangan", "kegiatan", "tim", "gugus", "tugas", "satgas", "forum",
    "asosiasi", "himpunan", "ikatan", "persatuan", "perkumpulan", "koperasi", "bumdes",
    "kelompok", "karang", "taruna", "pkk", "posyandu", "majelis", "pengadilan", "negeri",
    "kejaksaan", "kejari", "kejati", "agama", "urusan", "perlindungan", "pemberdayaan",
    "perempuan", "anak", "keluarga", "berencana", "pencegahan", "penanganan", "tenaga",
    "kerja", "transmigrasi", "perdagangan", "perindustrian", "komunikasi", "informatika",
    "kominfo", "statistik", "pemuda", "olahraga", "dispora", "disdik", "dinkes", "dishub",
    "kesbangpol", "bnn", "bnnk", "bnnp", "bpjs", "ketenagakerjaan", "palang", "merah",
    "indonesia", "nasional", "republik", "bicara", "harian", "operasional",
    "pelaksana", "teknis", "balai", "besar", "utama", "muda", "madya", "pratama", "setempat",
    "kalimantan", "sumatera", "sulawesi", "jawa", "papua", "maluku", "bali", "nusa",
    "tenggara", "barat", "timur", "utara", "selatan", "tengah", "kalbar", "kalteng", "kalsel",
    "kaltim", "kaltara", "sumbar", "sumut", "sumsel", "jabar", "jateng", "jatim", "diy",
    "dki", "jakarta", "kapuas", "hulu", "hilir", "sintang", "sanggau", "sekadau", "melawi",
    "ketapang", "kayong", "kubu", "mempawah", "landak", "bengkayang", "sambas", "singkawang",
    "pontianak", "putussibau", "jember", "agam", "padang", "raya",
})
# Nouns that head a non-person subject ("Data BPS menyebutkan, ...").
NON_PERSON_WORDS = frozenset({
    "data", "hasil", "laporan", "survei", "penelitian", "riset", "kajian", "studi", "catatan",
    "informasi", "pantauan", "keterangan", "surat", "aturan", "peraturan", "undang-undang",
    "keputusan", "edaran", "pengumuman", "rilis", "siaran", "pers", "berita", "media",
    "sumber", "grafik", "tabel", "dokumen", "acara", "rapat", "hal", "pihak", "masyarakat",
    "negara", "polisi", "aparat", "petugas", "panitia", "publik", "warganet", "netizen",
    "penghargaan", "upaya", "langkah", "kondisi", "situasi", "redaksi", "admin",
    "administrator", "spektroom",
    # function words that open a sentence with a capital letter
    "namun", "tetapi", "sementara", "selain", "lebih", "selanjutnya", "terpisah", "adapun",
    "sedangkan", "oleh", "by", "dari", "untuk", "bagi", "menurut", "kata", "ujar", "atas",
    "secara", "para", "seorang", "salah", "satu", "sejumlah", "beberapa", "semua", "seluruh",
    "foto", "video", "baca", "kalau", "jika", "apabila", "bila", "sampai", "hingga",
    "sehingga", "karena", "meski", "meskipun", "walaupun", "agar", "supaya", "keduanya",
    "ketiganya", "mereka", "kami", "kita",
})
DAY_NAMES = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad",
})
# The day names as written with a straight apostrophe, for the attribution patterns below.
_PLAIN_DAY_NAMES = DAY_NAMES - {"jum’at"}
# Prepositions and conjunctions that open an adjunct of a speech attribution: "kata Sukardi
# kepada wartawan", "ujarnya saat ditemui", "mengatakan melalui telepon, ...".
_ATTRIBUTION_ADJUNCTS = frozenset({
    "kepada", "pada", "saat", "ketika", "di", "dalam", "usai", "seusai", "setelah", "sesudah",
    "melalui", "lewat", "via", "sambil",
})
# Words that end a speaker mention after a verb ('," kata Sukardi kepada wartawan').
MENTION_STOPS = _ATTRIBUTION_ADJUNCTS | frozenset({
    "selepas", "sebelum", "sesaat", "sembari", "seraya", "kemarin", "tadi", "belum", "dengan",
    "ditemui", "dihubungi", "dikonfirmasi", "menanggapi", "terkait", "soal", "mengenai",
    "tentang", "menjelang", "disela", "dilansir", "dikutip", "kala", "waktu", "pagi", "siang",
    "sore", "malam", "lalu", "yang", "dan", "bersama", "didampingi", "mewakili", "kemudian",
    "lagi", "pula", "juga", "pun", "menutup", "mengakhiri", "sebagaimana", "seperti", "ini",
    "itu", "tersebut",
}) | frozenset(ME_VERBS) | DAY_NAMES
# Adverbial openers of a clause before the subject ("Dalam sambutannya, Bupati ...").
ADVERBIAL_HEADS = frozenset({
    "dalam", "pada", "saat", "ketika", "di", "usai", "seusai", "setelah", "sebelum",
    "menanggapi", "terkait", "mengenai", "soal", "ditemui", "dihubungi", "dikonfirmasi",
    "melalui", "sesuai", "berdasarkan", "sebagai", "untuk", "bagi", "dari", "kepada",
    "selama", "sejak", "menjelang", "sambil", "mengingat", "atas", "dengan", "oleh",
})
# What joins a second person to a subject ("Bupati X didampingi Wakil Bupati Y menegaskan"):
# the first is the speaker, as the same words end a mention after a quote (MENTION_STOPS).
# ("X melalui Y", X through a spokesperson Y, is Y's.)
SUBJECT_JOINERS = (" didampingi ", " bersama ")
# Lower-case words that open a segment of a mention that is no title: a relative clause
# ("yang meninjau ...") or an adverbial ("dalam sambutannya").
LOWER_TITLE_OPENERS = ADVERBIAL_HEADS | {"yang"}
# Words that may open a person subject before the role: "Salah seorang warga, Suparmi, ...".
SUBJECT_FILLERS = frozenset({"salah", "seorang", "satu", "para"})
NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "de", "al", "el", "bt", "bte"})
# Roles many people hold at once: a role alone ("kata warga") is not the one speaker seen with it.
SHARED_ROLES = frozenset({
    "warga", "petani", "nelayan", "pedagang", "pengusaha", "siswa", "mahasiswa", "korban",
    "saksi", "relawan", "tokoh", "pengamat", "ahli", "pakar", "penyuluh", "pendamping",
    "perawat", "bidan", "dokter", "guru", "dosen", "staf", "staff", "anggota", "perwakilan",
    "pengurus", "pemilik", "wartawan", "reporter", "penulis", "pewarta", "kontributor",
    "editor", "redaktur", "fotografer", "jurnalis", "humas",
})
# Balinese names open with "I" (men) or "Ni" (women): "I Made Suparta", "Ni Luh Putu Ayu".
BALINESE_PREFIXES = frozenset({"I", "Ni"})
ABBREVIATIONS = frozenset({
    "dr", "drs", "dra", "drg", "h", "hj", "ir", "prof", "kh", "st", "no", "jl", "kab", "kec",
    "kel", "ds", "rp", "tgl", "pol", "kol", "let", "mr", "mrs", "ny", "tn", "sdr", "bpk", "muh",
    "moh", "mhd", "m", "ust", "pt", "cv", "tbk", "dkk", "a.n", "u.p", "vs", "hlm",
})

# --- regexes ------------------------------------------------------------------------------

_QUOTE_CHARS = '"“”„‟«»″〝〞＂'
QUOTE_MARK_RE = re.compile("[" + _QUOTE_CHARS + "]")
_OPEN_GLYPHS = "“„‟«〝"
_CLOSE_GLYPHS = "”»〞"
_BEFORE_OPEN = "([{—–-:/"
_AFTER_CLOSE = ".,;:!?)]}—–-…"
TOKEN_RE = re.compile(r"\S+")
NAME_CORE_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*")

# After a closing mark: ', ujar Sukardi' / ' tegasnya' / ' menurut Weni'.
AFTER_VERB_RE = re.compile(
    rf"[\s,]*(?:(?:demikian|begitu)\s+)?(?P<verb>(?:{_BASE_ALT}|menurut)(?P<nya>nya)?)\b",
    re.IGNORECASE,
)
# After a speech verb, a person described and then named by what they are called: "ujar pria
# yang akrab disapa Bang Iwan itu" (the address term "Bang" is no part of the name).
NICKNAME_RE = re.compile(
    rf"\s+[^.,;!?{_QUOTE_CHARS}]{{0,60}}?\byang\s+(?:akrab\s+|biasa\s+|kerap\s+)?"
    r"(?:disapa|dipanggil)\s+(?P<nick>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
)
ADDRESS_TERMS = frozenset({
    "bang", "pak", "bu", "mbak", "kak", "mas", "bapak", "ibu", "om", "tante", "uda", "uni",
    "abah", "mak", "ustaz", "ustadz", "cik", "koh", "ci", "teh", "akang", "kang",
})
# After a closing mark, subject first: '," Sukardi menambahkan.' / '," ia menegaskan.'
AFTER_SUBJECT_RE = re.compile(
    rf"[\s,]*(?P<subj>(?:[Ii]a|[Dd]ia|[Bb]eliau)|[A-Z][^\s.,!?;{_QUOTE_CHARS}]*"
    rf"(?:\s+[^\s!?;{_QUOTE_CHARS}]+){{0,7}}?)"
    rf"\s+(?:(?:juga|pun|kembali|pula)\s+)?(?P<verb>{_ME_ALT})\b(?=\s*[.,;!?]|\s*$)"
)
# Before an opening mark: 'Weni mengatakan, ' / 'Ia menegaskan bahwa ' / 'Sukardi berkata: '.
BEFORE_VERB_RE = re.compile(
    rf"\b(?=[mMbB][eE])(?P<verb>{_ME_ALT})(?P<sep>\s*[,:]?\s*(?:bahwa\b\s*[,:]?\s*)?)$",
    re.IGNORECASE,
)
# Before an opening mark, verb first: 'Menurut Weni, ' / 'Menurutnya, ' / 'Kata Lili: '.
BEFORE_PREPOSED_RE = re.compile(
    rf"\b(?P<verb>menurut|kata|ujar|tutur)(?P<nya>nya)?\b(?P<subj>[^{_QUOTE_CHARS}]{{0,160}}?)"
    r"\s*[,:]\s*$",
    re.IGNORECASE,
)
# Longer than any match of these two in a normalized paragraph (verb + separator; verb +
# "nya" + 160 + separator): how far back from an opening mark `_before_attr` searches.
BEFORE_VERB_SPAN = 64
BEFORE_PREPOSED_SPAN = 200
# Adjuncts between a speech verb and its clause: "mengatakan kepada wartawan, ...".
_VERB_ADJUNCTS = _trie_pattern(_ATTRIBUTION_ADJUNCTS | {
    "sebelum", "selepas", "sembari", "seraya", "ditemui", "dihubungi", "dikonfirmasi",
})
_DAY_ALT = _trie_pattern(_PLAIN_DAY_NAMES)
# Indirect speech: 'Ia menegaskan bahwa ', 'Sukardi menilai, ', 'X menjelaskan: ', 'Sukardi
# mengatakan kepada wartawan, Senin (24/11/2025), ', and, for "mengatakan" and "menuturkan"
# only (other me- verbs take objects: "menyampaikan terima kasih"), 'Sukardi mengatakan
# bantuan ...' with the clause right after the verb.
INDIRECT_VERB_RE = re.compile(
    # The lookahead rejects most positions before the alternation is tried (speed).
    rf"\b(?=[mMbB][eE])(?P<verb>{_ME_ALT})"
    r"(?:\s*[,:]\s*(?:bahwa\b\s*,?\s*)?|\s+bahwa\b\s*,?\s*"
    rf"|\s+(?:{_VERB_ADJUNCTS})\b[^,.!?:;{_QUOTE_CHARS}]{{0,80}}?"
    rf"(?:,\s*(?:(?:{_DAY_ALT})\b[^,.!?{_QUOTE_CHARS}]{{0,30}},\s*)?(?:bahwa\b\s*,?\s*)?"
    r"|\s+bahwa\b\s*,?\s*)"
    rf"|(?<=ngatakan|nuturkan)\s+(?!(?:hal|bahwa|{_VERB_ADJUNCTS})\b)(?=(?-i:[a-z0-9])))",
    re.IGNORECASE,
)
# Passive speech verbs, which take the speaker after them as "menurut" does: "Dikatakan
# Sukardi, ...", "Dijelaskannya, ...", "Hal senada disampaikan oleh Kepala Desa Markus."
PASSIVE_VERBS = (
    "dikatakan", "disampaikan", "dijelaskan", "ditegaskan", "diungkapkan", "ditambahkan",
    "dipaparkan", "diterangkan", "dituturkan", "dinyatakan", "diutarakan", "dikemukakan",
)
# "menurut X" and the passive verbs; "oleh" after a passive verb is part of the lead-in.
MENURUT_RE = re.compile(
    rf"\b(?:(?P<verb>menurut)|(?P<passive>{_trie_pattern(PASSIVE_VERBS)}))(?P<nya>nya)?\b"
    r"(?(passive)(?:\s+oleh\b)?)",
    re.IGNORECASE,
)
# The subject of a sentence that names who made the statement before or after it: "Hal
# senada disampaikan X.", "Demikian dikatakan X saat ...". (Lower-cased, connectors stripped.)
# Group "back": the subject points back at what was said before ("Hal itu", "Demikian").
INTRO_HEAD_RE = re.compile(
    r"(?:(?P<back>(?:hal|pernyataan|penjelasan|keterangan)(?: (?:itu|ini|tersebut))?|demikian)"
    r"|(?:hal|pernyataan|penjelasan|keterangan) (?:senada|serupa|yang sama)"
    r"|senada(?: dengan itu)?)(?: (?:juga|pula))?"
)
# What may follow that attribution to the sentence end: "kata Sukardi kepada wartawan, Senin
# (24/11/2025)." / "ujarnya saat ditemui di lokasi."
TRAILING_ADJUNCTS = _ATTRIBUTION_ADJUNCTS | _PLAIN_DAY_NAMES | {"kemarin"}
# Reported speech without quote marks, the attribution closing the sentence after a comma:
# 'Jalan itu rusak parah, kata Sukardi.' / '..., ujarnya.' (`_trailing_candidates`).
_TRAILING = rf",\s*(?:(?:demikian|begitu)\s+)?(?:{_BASE_ALT})(?:nya)?\b"
TRAILING_VERB_RE = re.compile(_TRAILING, re.IGNORECASE)
# Where it may match, found in the lower-cased article as `_verb_hints` makes it (one scan of
# bytes instead of a case-insensitive one per paragraph: ~2 us instead of ~8 an article).
TRAILING_HINT_RE = re.compile(_TRAILING.encode())


# Where INDIRECT_VERB_RE or MENURUT_RE may match, in the lower-cased article: one scan for the
# me- verbs and "menurut" (case-sensitive with the literal prefix "me": the regex engine jumps
# from "me" to "me"), bytes.find for the other verbs ("berkata"). The article is lower-cased
# as bytes (see `_verb_hints`), so the pattern is a bytes pattern.
VERB_HINT_RE = re.compile(
    _trie_pattern([*(v for v in ME_VERBS if v.startswith("me")), "menurut"]).encode()
)
# The passive verbs, where MENURUT_RE may match too (literal prefix "di": a fast scan, which
# MENURUT_RE, opening with \b and case-insensitive, does not get), in bytes and in lower-cased
# text.
PASSIVE_WORD_RE = re.compile(f"di(?:{_trie_pattern(v[2:] for v in PASSIVE_VERBS)})")
PASSIVE_HINT_RE = re.compile(PASSIVE_WORD_RE.pattern.encode())
OTHER_VERBS = tuple(v.encode() for v in ME_VERBS if not v.startswith("me"))
# The only characters whose str.lower() is (or holds) an ASCII letter but that are not ASCII
# themselves (tests/test_quotes_scan.py checks this against the whole of Unicode): on a text
# without them, `_ascii_lower` finds the ASCII words that str.lower() would give.
NON_ASCII_TO_ASCII_LOWER = ("\u0130", "\u212a")  # "İ" -> "i̇", KELVIN SIGN -> "k"
# A sentence boundary: end punctuation (maybe a closing mark) and a space.
SENTENCE_BOUNDARY_RE = re.compile(rf"[.!?]+[{_QUOTE_CHARS}’)]?\s+")
# The end of a sentence: end punctuation followed by a capital (maybe after a mark) or the end.
SENTENCE_END_RE = re.compile(rf"[.!?]+(?=[”’\"]?(?:\s+[{_QUOTE_CHARS}‘(]?[A-Z]|\s*$))")
CONNECTOR_RE = re.compile(
    r"^(?:(?:namun|tetapi|akan\s+tetapi|sementara\s+itu|sementara|selain\s+itu|"
    r"lebih\s+lanjut|di\s+sisi\s+lain|kemudian|selanjutnya|terpisah|adapun|sedangkan|"
    r"oleh\s+karena\s+itu|oleh\s+sebab\s+itu|senada\s+dengan\s+itu|senada|sebelumnya|kini|"
    r"saat\s+ini|lalu|dan|bahkan|tak\s+hanya\s+itu|tidak\s+hanya\s+itu|di\s+samping\s+itu|"
    r"(?:pada|dalam)\s+kesempatan\s+(?:itu|tersebut|yang\s+sama)|"
    r"di\s+tempat\s+(?:yang\s+sama|terpisah)|pada\s+saat\s+yang\s+sama|"
    r"hal\s+senada\s+(?:juga\s+)?(?:disampaikan|diungkapkan)\s+(?:oleh\s+)?)\b\s*,?\s*)+",
    re.IGNORECASE,
)
# The first word of every CONNECTOR_RE alternative (tests/test_quotes_scan.py checks them).
CONNECTOR_FIRST_WORDS = frozenset({
    "namun", "tetapi", "akan", "sementara", "selain", "lebih", "di", "kemudian", "selanjutnya",
    "terpisah", "adapun", "sedangkan", "oleh", "senada", "sebelumnya", "kini", "saat", "lalu",
    "dan", "bahkan", "tak", "tidak", "pada", "dalam", "hal",
})
# The dateline that opens a first paragraph: "PUTUSSIBAU, Spektroom – ", "Spektroom - "
# (a dash with spaces around it within the first few words).
DATELINE_LEAD_RE = re.compile(
    r"^(?:[^\s,]+(?:\s[^\s,]+)?,\s*)?(?:[^\s,]+\s+){0,2}?[^\s,]+\s+[-–—]{1,2}(?:\s+|$)"
)
# Adverbs between a subject and its verb ("Ia juga menambahkan"), stripped word by word.
TAIL_ADVERB_RE = re.compile(
    r"(?:juga|pun|kembali|lebih\s+lanjut|pula|lantas|kemudian|sempat|turut|sekaligus|"
    r"bahkan|lalu|selanjutnya|secara\s+tegas|dengan\s+tegas|tak\s+lupa|tidak\s+lupa|"
    r"saat\s+itu|ketika\s+itu|sendiri)",
    re.IGNORECASE,
)
TAIL_ADVERB_LAST = frozenset({
    "juga", "pun", "kembali", "lanjut", "pula", "lantas", "kemudian", "sempat", "turut",
    "sekaligus", "bahkan", "lalu", "selanjutnya", "tegas", "lupa", "itu", "sendiri",
})
# Appositive title after a name: "Sukardi selaku Wakil Bupati", "Lili yang juga Ketua ...".
APPOSITIVE_RE = re.compile(
    r"\s*,?\s+(?:selaku|sebagai|yang\s+juga|yang\s+merupakan|yang\s+menjabat(?:\s+sebagai)?)\s+",
    re.IGNORECASE,
)
# A lower-case word with a verb prefix (me-, ber-, ter-): the predicate after a mention.
VERB_LIKE_RE = re.compile(r"(?:me[mnrlw]|meng|meny|ber|ter)[a-z]{2,}")
# A military/police unit number with its place: "Dandim 1201/Mempawah", "Yonif 642/Kapuas".
UNIT_NUMBER_RE = re.compile(r"\d+/[A-Z][^\W\d_]*")
APPOSITIVE_AHEAD_RE = re.compile(r"yang\s+(?:juga|merupakan|menjabat)\b", re.IGNORECASE)
# Segments of a mention: "Kepala Dinas, Dr. Ahmad Yani, S.Sos." / "Reporter: Apolonius".
SEGMENT_SPLIT_RE = re.compile(r"[,:;|]")
PARENS_RE = re.compile(r"\([^()]*\)")
TITLE_LEAD_RE = re.compile(r"^(?:oleh|selaku|sebagai|yang\s+juga|yang)\s+", re.IGNORECASE)

_OPEN, _CLOSE, _TOGGLE = 1, -1, 0


# --- people -------------------------------------------------------------------------------


def _core(tok: str) -> str:
    return tok.strip(".,;:!?")


def _is_honorific(tok: str) -> bool:
    core = tok.rstrip(".,")
    if not core:
        return False
    if core == "dr":  # lower-case "dr." is the medical doctor title
        return True
    return core[0].isupper() and core.lower() in HONORIFICS


def _is_degree(tok: str) -> bool:
    core = tok.rstrip(",;")
    # Every dotted degree has a dot and starts with one of DEGREE_FIRST: skip the regex else.
    if "." not in core or core[:1] not in DEGREE_FIRST:
        return core.rstrip(".") in PLAIN_DEGREES
    return bool(DEGREE_DOTTED_RE.fullmatch(core)) or core.rstrip(".") in PLAIN_DEGREES


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


# Words that are never part of a person's name, in one set (one lookup per token).
NOT_NAME_WORDS = (
    ROLE_HEADS | ORG_WORDS | NON_PERSON_WORDS | MENTION_STOPS | PRONOUNS | HONORIFICS
)


@functools.lru_cache(maxsize=8192)  # pure; a mention's words are asked about several times
def _is_name_token(tok: str) -> bool:
    """A word that can be part of a person's name: capitalized, not a role/org/place word."""
    if _is_initial(tok):
        return True
    core = _core(tok)
    if len(core) < 2 or not core[0].isupper() or core.isupper():
        return False
    if core.lower() in NOT_NAME_WORDS:
        return False
    return bool(NAME_CORE_RE.fullmatch(core))


def _all_name(tokens: list[str]) -> bool:
    """Is every token a name word (particles inside allowed), and not all initials?"""
    if len(tokens) > 1 and tokens[0] in BALINESE_PREFIXES:
        tokens = tokens[1:]  # "I Made Suparta", "Ni Luh Putu Ayu"
    if not tokens or len(tokens) > 6 or not _is_name_token(tokens[0]):
        return False
    if not _is_name_token(tokens[-1]):
        return False
    initials = True
    for t in tokens:
        if not (_is_name_token(t) or t.lower() in NAME_PARTICLES):
            return False
        if initials and not _is_initial(t):
            initials = False
    return not initials


@functools.lru_cache(maxsize=8192)  # pure, per word
def _kept_in_mention(tok: str) -> bool:
    """Does this word stay in a mention (not an honorific, degree or bare punctuation)?"""
    return not _is_honorific(tok) and not _is_degree(tok) and bool(_core(tok))


@functools.lru_cache(maxsize=8192)  # pure, per word
def _is_non_person_word(word: str) -> bool:
    return _core(word).lower() in NON_PERSON_WORDS


def _trailing_name_run(tokens: list[str]) -> int:
    """How many tokens at the end of `tokens` form a name ("... Irjen Pol Pipit Rismanto" -> 2)."""
    n = 0
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        if _is_name_token(tok):
            n = len(tokens) - i
        elif not (tok.lower() in NAME_PARTICLES and n and i > 0 and _is_name_token(tokens[i - 1])):
            break
        i -= 1
    run = tokens[len(tokens) - n :]
    if run and all(_is_initial(t) for t in run):
        return 0
    if n and len(tokens) > n and tokens[-n - 1] in BALINESE_PREFIXES:
        return n + 1  # "Kepala Desa I Made Suparta"
    return n


def _clean_title(title: str) -> str | None:
    title = " ".join(title.split()).strip(" ,;:-–—.")
    lead = TITLE_LEAD_RE.match(title)  # anchored: at most one match, at the start
    title = (title[lead.end() :] if lead else title).strip(" ,;:-–—")
    if not title:
        return None
    words = title.split()
    if words[0].lower() in ADVERBIAL_HEADS:
        # "Dalam sambutannya Bupati Sintang" -> the title starts at the first role word.
        for i, w in enumerate(words):
            if _core(w).lower() in ROLE_HEADS:
                return " ".join(words[i:]).strip(" ,")
        return None
    return title


def split_person(raw: object) -> tuple[str | None, str | None]:
    """Split a person mention into (bare name, title/role); honorifics and degrees are dropped.

    "Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si." ->
    ("Ahmad Yani", "Kepala Dinas Sosial Kapuas Hulu"). Anything unusable, a non-str too,
    -> (None, None).
    """
    if not isinstance(raw, str):
        return None, None
    return _split_person(raw)


@functools.lru_cache(maxsize=4096)  # pure; the same mentions recur within and across articles
def _split_person(raw: str) -> tuple[str | None, str | None]:
    # Each regex pass only runs when a cheap substring test says it can change something.
    text = PARENS_RE.sub(" ", raw) if "(" in raw else raw
    text = QUOTE_MARK_RE.sub(" ", text)
    text = " ".join(text.split()).strip(" ,.;:-–—/|")
    if not text or len(text) > 200:
        return None, None
    if "." in text:
        text = HONORIFIC_GLUE_RE.sub(r"\1. ", text)
    low = text.lower()
    # APPOSITIVE_RE (case-insensitive) can only split where its words are.
    appositive = "yang" in low or "sebagai" in low or "selaku" in low or _odd_case_fold(text)
    if not appositive and "." not in text and SEGMENT_SPLIT_RE.search(text) is None:
        # One segment, no initials: a bare name ("Sukardi", "Weni Catur Fitriani") is the
        # common case and needs none of the segment logic below.
        toks = [t for t in text.split() if _kept_in_mention(t)]
        if _all_name(toks):
            return " ".join([_core(t) for t in toks]), None
    segments: list[list[str]] = []
    for part in SEGMENT_SPLIT_RE.split(text):
        for piece in APPOSITIVE_RE.split(" " + part.strip()) if appositive else (part,):
            toks = [t for t in piece.split() if _kept_in_mention(t)]
            if toks:
                segments.append(toks)
    if not segments:
        return None, None
    name_tokens: list[str] | None = None
    title_parts: list[str] = []
    all_name = [_all_name(seg) for seg in segments]
    name_idx = next((i for i, flag in enumerate(all_name) if flag), None)
    if name_idx is None and len(segments) > 1:
        # "Kepala Balai Wilayah Sungai Sumatera V, Maryadi Utama": a capitalized segment after
        # a role, opening with a name word, is the name even with a word that is usually an
        # organisation's ("Utama", as in "Direktur Utama").
        for i in range(1, len(segments)):
            seg = segments[i]
            if (
                len(seg) <= 4
                and _is_name_token(seg[0])
                and all(t[:1].isupper() and _core(t).lower() not in ROLE_HEADS for t in seg)
                and _has_role(" ".join(segments[i - 1]))
            ):
                all_name[i] = True
                name_idx = i
                break
    if name_idx is not None:
        name_tokens = segments[name_idx]
        title_parts = [" ".join(s) for i, s in enumerate(segments) if not all_name[i]]
    else:
        for i in range(len(segments) - 1, -1, -1):
            seg = segments[i]
            n = _trailing_name_run(seg)
            if (
                n >= 3
                and len(seg) > n
                and _core(seg[-n - 1]).lower() in JURISDICTION_ROLES
                and seg[-n] not in BALINESE_PREFIXES
            ):
                n -= 1  # "Wakil Bupati Sleman Danang Maharsa": the word after the role is a place
            elif n and len(seg) > n and _core(seg[-n - 1]).lower() in PLACE_NOUNS:
                before = _core(seg[-n - 2]).lower() if len(seg) > n + 1 else ""
                if before in RESIDENT_WORDS or before not in ROLE_HEADS:
                    n = 0  # "Warga Desa Sibau", "Pemerintah Desa Sibau": a place, no name
            if n:
                name_tokens = seg[len(seg) - n :]
                title_parts = [" ".join(s) for s in segments[:i]]
                if seg[: len(seg) - n]:
                    title_parts.append(" ".join(seg[: len(seg) - n]))
                title_parts += [" ".join(s) for s in segments[i + 1 :]]
                break
        else:
            title_parts = [" ".join(s) for s in segments]
    name = None
    if name_tokens:
        name = " ".join([t if _is_initial(t) else _core(t) for t in name_tokens])
    # Segments of nothing but non-person words ("Oleh", "By", "Spektroom", "Foto") are no title.
    # Nor is a relative clause ("yang meninjau langsung ...") or an adverbial ("dalam
    # sambutannya"): they tell what the person did.
    title_parts = [
        p for p in title_parts
        if p
        and not all(map(_is_non_person_word, p.split()))
        and not (p[0].islower() and p.split(" ", 1)[0] in LOWER_TITLE_OPENERS)
    ]
    title = _clean_title(", ".join(title_parts))
    if name is None and title is not None and not _has_role(title):
        title = None  # without a name, only a real role is worth keeping ("Kepala Desa setempat")
    return name, title


def _has_role(title: str) -> bool:
    return any(_core(w).lower() in ROLE_HEADS for w in title.split())


# --- quote spans --------------------------------------------------------------------------


@dataclass(slots=True)
class _Span:
    """One top-level quoted span, possibly running over several paragraphs."""

    para: int  # paragraph of the opening mark
    start: int  # offset of the opening mark
    parts: list[str] = field(default_factory=list)
    ranges: list[tuple[int, int, int]] = field(default_factory=list)  # (para, start, end) covered
    end_para: int = -1
    end: int = -1  # offset just after the closing mark (paragraph length when unterminated)
    closed: bool = False


# Not frozen: a frozen dataclass sets each field through object.__setattr__, ~4x the cost of
# creating it, and several are made per quote. Treated as immutable (_after_attr caches them).
@dataclass(slots=True)
class _Attr:
    verb: str
    mention: str | None  # raw person mention, None for -nya verbs and pronouns
    pronoun: bool
    weak: bool = False  # a speech verb follows the quote but no person is named ("kata seorang")


# Per paragraph with a speech verb: where me- verbs and "menurut" start (`_verb_hints`).
# Mapping: read-only, so a dict of plain lists is one too.
_Hints = Mapping[int, tuple[list[int] | None, list[int] | None]]


# A quote found, before its speaker is resolved: (paragraph, position in it, kind, text,
# attribution). A plain tuple: creating a slots dataclass instance runs its Python __init__
# (~2.1k instructions), a tuple ~0.3k, and there are ~3 an article. Kind "intro": no quote, a
# sentence naming who speaks next ("Hal senada disampaikan Markus.").
_Candidate = tuple[int, int, QuoteKind | Literal["intro"], str, _Attr | None]


def _mark_role(text: str, i: int) -> int:
    # The usual cases first: a mark after a space (or at the start) before a word opens; a
    # mark after a word before a space (or at the end) closes (the general rules below agree).
    if i == 0 or text[i - 1] == " ":
        if i + 1 < len(text) and text[i + 1].isalnum():
            return _OPEN
    elif (text[i - 1].isalnum() or text[i - 1] in ".,!?") and (
        i + 1 == len(text) or text[i + 1] == " "
    ):
        return _CLOSE
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    left = (not prev or prev.isspace() or prev in _BEFORE_OPEN) and bool(nxt) and not nxt.isspace()
    right = (
        bool(prev)
        and not prev.isspace()
        and (not nxt or nxt.isspace() or nxt in _AFTER_CLOSE or nxt in _QUOTE_CHARS)
    )
    if left and not right:
        return _OPEN
    if right and not left:
        return _CLOSE
    mark = text[i]
    if mark in _OPEN_GLYPHS:
        return _OPEN
    if mark in _CLOSE_GLYPHS:
        return _CLOSE
    return _TOGGLE


def _continues(text: str) -> bool:
    """Does this paragraph open with a quote mark (the continuation of a running quote)?"""
    return bool(text) and text[0] in _QUOTE_CHARS and _mark_role(text, 0) != _CLOSE


def _first_mark_closes_speech(text: str) -> bool:
    """Does the first mark of this paragraph close a quote that a speech verb follows?

    That is the last paragraph of a running quote whose opening mark was forgotten, or a quote
    whose opening mark is missing ('Kami siap," ujar Sukardi.').
    """
    m = QUOTE_MARK_RE.search(text)
    if m is None or _mark_role(text, m.start()) != _CLOSE:
        return False
    return text[: m.start()].rstrip()[-1:] in (",", ".", "!", "?") and (
        _after_attr(text, m.end()) is not None
    )


def _mark_offsets(paras: list[str], joined: str) -> dict[int, list[int]]:
    """Per paragraph with a quote mark, the offsets of its marks, in order.

    `joined` is the paragraphs joined with one separator character. str.find per mark glyph
    is several times faster than a regex scan (and only '"' can occur in ASCII text).
    """
    hits: list[int] = []
    glyphs = 0
    for ch in '"' if joined.isascii() else _QUOTE_CHARS:
        if ch not in joined:  # cheaper than a str.find call; most glyphs never occur
            continue
        glyphs += 1
        at = joined.find(ch)
        while at >= 0:
            hits.append(at)
            at = joined.find(ch, at + 1)
    if glyphs > 1:
        hits.sort()
    return _by_paragraph(paras, hits)


def _by_paragraph(paras: list[str], offsets: list[int]) -> dict[int, list[int]]:
    """Sorted offsets in the joined paragraphs -> paragraph index: offsets in that paragraph."""
    out: dict[int, list[int]] = {}
    pi = 0
    base = 0
    nxt = len(paras[0]) + 1 if paras else 0
    for at in offsets:
        while at >= nxt:
            pi += 1
            base = nxt
            nxt += len(paras[pi]) + 1
        out.setdefault(pi, []).append(at - base)
    return out


def _scan(paras: list[str], marks: dict[int, list[int]]) -> list[_Span]:
    """Find the top-level quoted spans of all paragraphs, in order.

    `marks`: the offsets of the quote marks of each paragraph that has any, paragraphs in
    order (`_mark_offsets`). Only these paragraphs are read: a quote runs on only into a next
    paragraph that opens with a mark (`_continues`) or whose first mark closes it
    (`_first_mark_closes_speech`), so that paragraph is the next one here.
    """
    spans: list[_Span] = []
    current: _Span | None = None
    for pi, offsets in marks.items():
        text = paras[pi]
        depth = 0
        content_start = 0
        pos = 0
        if current is not None:  # continuation: the quote runs on into this paragraph
            depth = 1
            if _continues(text):
                content_start = pos = 1
        for i in offsets:
            if i < pos:
                continue
            role = _mark_role(text, i)
            if depth == 0:
                if role == _CLOSE:
                    # A closing mark with nothing open: a quote missing its opening mark when
                    # it is the paragraph's first mark and a speech verb follows; else stray.
                    if (
                        (not spans or spans[-1].end_para != pi)
                        and offsets[0] == i
                        and _first_mark_closes_speech(text)
                    ):
                        spans.append(_Span(pi, 0, [text[:i]], [(pi, 0, i + 1)], pi, i + 1, True))
                    continue
                current = _Span(pi, i)
                depth = 1
                content_start = i + 1
            elif role == _OPEN:
                depth += 1  # a quote inside the quote: stays in the text
            else:
                depth -= 1
                if depth == 0 and current is not None:
                    current.parts.append(text[content_start:i])
                    current.ranges.append((pi, current.start if current.para == pi else 0, i + 1))
                    current.end_para, current.end, current.closed = pi, i + 1, True
                    spans.append(current)
                    current = None
        if current is not None:
            current.parts.append(text[content_start:])
            current.ranges.append((pi, current.start if current.para == pi else 0, len(text)))
            if pi + 1 < len(paras) and (
                _continues(paras[pi + 1]) or _first_mark_closes_speech(paras[pi + 1])
            ):
                continue
            current.end_para, current.end = pi, len(text)
            spans.append(current)
            current = None
    return spans


# --- text helpers -------------------------------------------------------------------------


def _strip_trailing_comma(s: str) -> str:
    s = s.strip()
    if s.endswith(","):
        s = s.rstrip(", ")
        if s.endswith(".") and not s.endswith(".."):
            s = s[:-1].rstrip()
    return s


def _is_abbrev_at(text: str, dot: int) -> bool:
    """Is the period at `dot` part of an abbreviation ("Dr.", "H.", "S.Sos.") rather than an end?"""
    return _is_abbrev_word(text[text.rfind(" ", 0, dot) + 1 : dot])


@functools.lru_cache(maxsize=8192)  # pure, per word: the same sentence-final words recur
def _is_abbrev_word(word: str) -> bool:
    word = word.lstrip(_QUOTE_CHARS + "(")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in ABBREVIATIONS or _is_degree(word + ".")


def _next_end_punct(text: str, pos: int, end: int, bang_or_ask: bool) -> int:
    """The offset of the first ".", "!" or "?" in text[pos:end], or -1.

    Every match of SENTENCE_BOUNDARY_RE / SENTENCE_END_RE starts at one of these: trying the
    regex only there finds what its finditer finds. str.find is several times cheaper than the
    regex engine's scan (a pattern that starts with a repeat gets no fast prefix search).
    `bang_or_ask`: has the text a "!" or "?" at all (else only "." is looked for).
    """
    found = text.find(".", pos, end)
    if not bang_or_ask:
        return found
    if found >= 0:
        end = found
    bang = text.find("!", pos, end)
    if bang >= 0:
        found = end = bang
    ask = text.find("?", pos, end)
    return ask if ask >= 0 else found


def _boundary_end(text: str, at: int, pos: int) -> int:
    """The end of SENTENCE_BOUNDARY_RE matched at `at` in text[:pos], or -1.

    The usual cases (". " before a word, "." inside "3.000" or "S.Sos") are decided here; the
    regex decides the rest.
    """
    nxt = at + 1
    if nxt >= pos:
        return -1  # the pattern needs a space after the punctuation
    ch = text[nxt]
    if ch == " " and (nxt + 1 == pos or not text[nxt + 1].isspace()):
        return nxt + 1
    if ch.isalnum():
        return -1
    m = SENTENCE_BOUNDARY_RE.match(text, at, pos)
    return -1 if m is None else m.end()


def _end_punct_end(text: str, at: int) -> int:
    """The end of SENTENCE_END_RE matched at `at`, or -1 (the usual cases decided here)."""
    nxt = at + 1
    if nxt == len(text):
        return nxt
    ch = text[nxt]
    if ch == " ":
        if nxt + 1 < len(text) and "A" <= text[nxt + 1] <= "Z":
            return nxt
    elif ch.isalnum():
        return -1
    m = SENTENCE_END_RE.match(text, at)
    return -1 if m is None else m.end()


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Where the sentence holding `pos` starts (at `floor` at the earliest).

    The last SENTENCE_BOUNDARY_RE match in text[floor:pos] (as finditer finds them) that does
    not end an abbreviation.
    """
    start = floor
    if pos - floor < 2:
        return start  # a boundary takes two characters at least
    bang_or_ask = "!" in text or "?" in text
    at = _next_end_punct(text, floor, pos, True) if bang_or_ask else text.find(".", floor, pos)
    while at >= 0:
        end = _boundary_end(text, at, pos)
        if end < 0:
            at = _next_end_punct(text, at + 1, pos, bang_or_ask)
            continue
        if text[at] != "." or not _is_abbrev_at(text, at):
            start = end
        at = _next_end_punct(text, end, pos, bang_or_ask)
    return start


def _sentence_end(text: str, pos: int) -> int:
    """Where the sentence holding `pos` ends (after its end punctuation), or the text's end.

    The first SENTENCE_END_RE match from `pos` on (as finditer finds them) that is not a
    single period ending an abbreviation.
    """
    size = len(text)
    bang_or_ask = "!" in text or "?" in text
    at = _next_end_punct(text, pos, size, True) if bang_or_ask else text.find(".", pos)
    while at >= 0:
        if at + 1 == size:
            return size  # the paragraph's end (an abbreviation's period too: nothing follows)
        end = _end_punct_end(text, at)
        if end < 0:
            at = _next_end_punct(text, at + 1, size, bang_or_ask)
            continue
        if text[at] == "." and end - at == 1 and _is_abbrev_at(text, at):
            at = _next_end_punct(text, end, size, bang_or_ask)
            continue
        return end
    return size


def _drop_dateline(s: str) -> str:
    """`s` without the dateline that may open it ("PUTUSSIBAU, Spektroom – ")."""
    if "-" in s or "–" in s or "—" in s:  # the dateline needs a dash
        m = DATELINE_LEAD_RE.match(s)
        if m:
            return s[m.end() :]
    return s


def _strip_connectors(s: str) -> str:
    """Drop what may open a sentence before its subject: a dateline, connectors, an adverbial."""
    if not s:
        return s
    if "-" in s or "–" in s or "—" in s:  # inline `_drop_dateline`: called per candidate
        s = _drop_dateline(s)
    while True:  # until nothing more is stripped
        first = s.split(" ", 1)[0].lower()
        stripped = False
        if first in CONNECTOR_FIRST_WORDS or (
            not (first.isalpha() and first.isascii()) and _may_open_with_connector(first)
        ):
            m = CONNECTOR_RE.match(s)
            if m:
                s = s[m.end() :].strip(" ,")
                first = s.split(" ", 1)[0].lower()
                stripped = True
        if first in ADVERBIAL_HEADS and "," in s:
            s = s.split(",", 1)[1].strip()
            stripped = True
        if not stripped:
            return s


def _may_open_with_connector(first: str) -> bool:
    """Can CONNECTOR_RE match a text whose first space-separated token, lower-cased, is `first`?

    Every connector starts with one of CONNECTOR_FIRST_WORDS followed by a non-word character,
    so a token of plain ASCII letters (punctuation after it aside) must be one of them; any
    other token is left to the regex (case folds such as "ſ" ~ "s" are its business). The
    anchored match of that big case-insensitive alternation costs ~6k instructions.
    """
    core = first.rstrip(",.;:!?")
    if core.isascii() and core.isalpha():
        return core in CONNECTOR_FIRST_WORDS
    return bool(core)


def _strip_tail_adverbs(subj: str) -> str:
    last = subj[subj.rfind(" ") + 1 :]  # subj: a stripped slice of a normalized paragraph
    if last.isascii() and last.lower() not in TAIL_ADVERB_LAST:
        return subj.strip(" ,")  # the usual case: no adverb to strip
    words = subj.split()
    while len(words) > 1:
        last = words[-1]
        if last.isascii() and last.lower() not in TAIL_ADVERB_LAST:
            break  # every TAIL_ADVERB_RE match ends with one of these words
        for n in (2, 1):
            if len(words) > n and TAIL_ADVERB_RE.fullmatch(" ".join(words[-n:]).lower()):
                del words[-n:]
                break
        else:
            break
    return " ".join(words).strip(" ,")


def _subject_attr(verb: str, subject: str) -> _Attr | None:
    """Turn the words before a speech verb into an attribution, if they name a person."""
    subj = _strip_connectors(subject.strip().strip(" ,"))  # a slice of a normalized paragraph
    if " melalui " in subj:  # "Kapolres X melalui Kasi Humas Y": Y is who spoke
        subj = subj.rsplit(" melalui ", 1)[1]
    for joiner in SUBJECT_JOINERS:
        if joiner in subj:  # "Bupati X didampingi Wakil Bupati Y": X
            subj = subj.split(joiner, 1)[0].rstrip(" ,")
    subj = _strip_tail_adverbs(subj)
    if not subj:
        return None
    if subj.lower() in SUBJECT_PRONOUNS:
        return _Attr(verb, None, True)
    words = subj.split()
    first = words[0].lower()
    if len(words) > 16 or (first in NON_PERSON_WORDS and first not in SUBJECT_FILLERS):
        return None
    name, title = split_person(subj)
    if name is None and first in SUBJECT_FILLERS:
        return None  # "Seorang warga mengatakan" names no one; "Seorang warga, Maria, ..." does
    if name is None and (title is None or _core(title.split()[0]).lower() not in ROLE_HEADS):
        return None
    return _Attr(verb, subj, False)


def _cut_mention(text: str, pos: int) -> tuple[str, int]:
    """The person mention after a verb, up to a stop word, a date, a bracket or the sentence end."""
    out: list[str] = []
    end = pos
    tokens = TOKEN_RE.finditer(text, pos)
    while len(out) < 16:
        m = next(tokens, None)
        if m is None:
            break
        tok = m.group()
        if tok[0] in _QUOTE_CHARS or tok[0] == "(":
            break
        # "ujar Sukardi yang juga Ketua Gugus Tugas" keeps the appositive title.
        appositive = (
            APPOSITIVE_AHEAD_RE.match(text, m.start())
            if out and len(tok) == 4 and tok.lower() == "yang"  # the only word it can start
            else None
        )
        if appositive is not None:
            out.append(appositive.group())
            end = appositive.end()
            tokens = TOKEN_RE.finditer(text, end)
            continue
        core = _core(tok).lower()
        if core == "melalui" and out:
            out = []  # "kata Kapolres X melalui Kasi Humas Y": Y is who spoke
            continue
        if not core or (core.isdigit() and len(core) > 3):
            break
        # A stop word ends the mention, but "Bersama" is part of a name ("Gapoktan Maju Bersama").
        if core in MENTION_STOPS and not (core == "bersama" and tok[0] == "B" and out):
            break
        if "/" in core and not UNIT_NUMBER_RE.fullmatch(_core(tok)):
            break  # a date ("15/8/2025") ends the mention; a unit ("Dandim 1201/Mempawah") not
        if (
            VERB_LIKE_RE.match(tok)
            and core not in ROLE_HEADS
            and core not in ORG_WORDS
            and core not in NAME_PARTICLES
        ):
            break  # "ucap Ustaz Hamdan memimpin doa": a verb ends the mention
        out.append(tok)
        end = m.end()
        if tok[-1] in ";!?":
            break
        if tok.endswith("."):
            if _is_degree(tok):
                break  # degrees close a name: "..., S.Sos., M.Si." then the sentence ends
            if not (_is_honorific(tok) or _is_initial(tok) or core in ABBREVIATIONS):
                break
    return " ".join(out).rstrip(" ,"), end


def _mention_attr(verb: str, mention: str) -> _Attr | None:
    if not mention:
        return None
    if _core(mention).lower() in PRONOUNS:
        return _Attr(verb, None, True)
    name, title = split_person(mention)
    if name is None and (title is None or _core(title.split()[0]).lower() not in ROLE_HEADS):
        return None
    return _Attr(verb, mention, False)


@functools.lru_cache(maxsize=1024)  # asked several times per span (split quotes, continuations)
def _after_attr(text: str, pos: int) -> tuple[_Attr, int] | None:
    """The attribution right after a closing mark, and where it ends."""
    m = AFTER_VERB_RE.match(text, pos)
    if m:
        verb = m.group("verb").lower()
        if m.group("nya"):
            return _Attr(verb, None, True), m.end()
        mention, end = _cut_mention(text, m.end())
        attr = _mention_attr(verb, mention)
        if attr is not None:
            return attr, end
        nick = NICKNAME_RE.match(text, m.end()) if "yang" in text else None
        if nick is not None:  # "ujar pria yang akrab disapa Bang Iwan itu" -> Iwan
            words = nick.group("nick").split()
            if len(words) > 1 and words[0].lower() in ADDRESS_TERMS:
                words = words[1:]
            return _Attr(verb, " ".join(words), False), nick.end()
        if mention:
            return _Attr(verb, mention, False, weak=True), end
    m = AFTER_SUBJECT_RE.match(text, pos)
    if m:
        attr = _subject_attr(m.group("verb").lower(), m.group("subj"))
        if attr is not None:
            return attr, m.end()
    return None


def _before_attr(
    text: str, pos: int, floor: int, verb_hints: list[int] | None
) -> tuple[_Attr, bool] | None:
    """The attribution right before an opening mark, and whether a comma/colon/bahwa leads in.

    `verb_hints`: where me- verbs start in `text` (`_verb_hints`; None: unknown, search).
    """
    # Both patterns are anchored at the end of the head and bounded in length (text is a
    # normalized paragraph: single spaces), so only its tail is searched. The tail is long
    # enough that no match can start at its first character, where slicing would fake a
    # word boundary (so matching in the whole text at a hint finds the same).
    lo = max(floor, pos - BEFORE_VERB_SPAN)
    m = _before_verb(text, lo, pos, verb_hints)
    if m:
        verb_at = m.start()
        start = _sentence_start(text, verb_at, floor)
        attr = _subject_attr(m.group("verb").lower(), text[start:verb_at])
        sep = m.group("sep")
        has_sep = "," in sep or ":" in sep or "bahwa" in sep.lower()
        return attr or _Attr(m.group("verb").lower(), None, False), has_sep
    if text[floor:pos].rstrip()[-1:] not in (",", ":"):
        return None  # BEFORE_PREPOSED_RE ends with a comma or colon
    lo = max(floor, pos - BEFORE_PREPOSED_SPAN)
    m = _before_preposed(text[lo:pos])
    if m:
        verb_at = lo + m.start()
        start = _sentence_start(text, verb_at, floor)
        if _strip_connectors(text[start:verb_at].strip()):
            return None  # "kata" inside a sentence ("kata kunci, ...") is not an attribution
        verb = (m.group("verb") + (m.group("nya") or "")).lower()
        subj = m.group("subj").strip(" ,")
        if m.group("nya"):
            return (_Attr(verb, None, True), True) if not subj else None
        attr = _mention_attr(verb, subj)
        return (attr, True) if attr is not None else None
    return None


def _before_verb(text: str, lo: int, pos: int, hints: list[int] | None) -> re.Match[str] | None:
    """BEFORE_VERB_RE's first match in text[lo:pos] (offsets in `text`), tried at the hints.

    Every match starts with a me- verb after a word boundary, where `_verb_hints` puts a hint;
    the hints are in order, so the first one that matches is the search's match.
    """
    if hints is None:
        return BEFORE_VERB_RE.search(text, lo, pos)
    for at in hints:
        if at >= pos:
            break
        if at >= lo:
            m = BEFORE_VERB_RE.match(text, at, pos)
            if m is not None:
                return m
    return None


# Every BEFORE_PREPOSED_RE match starts with one of these (lower-cased).
_PREPOSED_VERBS = ("menurut", "kata", "ujar", "tutur")


def _before_preposed(tail: str) -> re.Match[str] | None:
    """BEFORE_PREPOSED_RE.search(tail), trying the regex only where its verbs are.

    A case-insensitive search of that pattern tries every position (~300 instructions a
    character). The verbs hold no letter with a special case fold but "k" (KELVIN SIGN, which
    str.lower() maps to "k"), so the lower-cased tail shows where each can start.
    """
    low = tail.lower()
    if len(low) != len(tail):
        return BEFORE_PREPOSED_RE.search(tail)  # offsets would not carry over ("İ")
    starts: list[int] = []
    for verb in _PREPOSED_VERBS:
        at = low.find(verb)
        while at >= 0:
            starts.append(at)
            at = low.find(verb, at + 1)
    if len(starts) > 1:
        starts.sort()
    for at in starts:
        m = BEFORE_PREPOSED_RE.match(tail, at)
        if m is not None:
            return m
    return None


def _span_ends_like_speech(content: str) -> bool:
    last = content.rstrip()[-1:]
    return bool(last) and last in ",.!?…"


def _is_terminal(text: str, end: int) -> bool:
    """Does the sentence or clause stop at the closing mark (no lower-case continuation)?"""
    size = len(text)
    while end < size and text[end].isspace():  # as text[end:].lstrip(), without the copy
        end += 1
    if end == size:
        return True
    ch = text[end]
    if ch in ".!?;:,)—–-" or ch in _QUOTE_CHARS:
        return True
    return not ch.islower()


def _at_sentence_start(text: str, pos: int, floor: int) -> bool:
    start = _sentence_start(text, pos, floor)
    if start == pos:
        return True  # nothing before it in the sentence
    head = text[start:pos].strip()
    if head.endswith(":"):
        return True
    return not _strip_connectors(head)


def _word_count(s: str) -> int:
    return len(s.split())


# --- the extractor ------------------------------------------------------------------------


def _normalize(paragraphs: Iterable[object] | str | None) -> list[str]:
    if paragraphs is None:
        return []
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    try:
        items = list(paragraphs)
    except TypeError:
        return []
    # str.split() splits on all Unicode whitespace (NBSP too) and is much faster than a regex;
    # skipped for a paragraph that is normalized already (the usual case): printable means no
    # whitespace but the plain space, so no double, leading or trailing space is all to check.
    return [
        (
            p
            if p.isprintable() and "  " not in p and p[:1] != " " and p[-1:] != " "
            else " ".join(p.split())
        )
        if isinstance(p, str)
        else ""
        for p in items
    ]


# Joins the paragraphs of an article for article-wide scans (offsets are mapped back by
# paragraph lengths, so it may occur in a paragraph too).
_SEP = "\n"


def _direct_candidates(
    paras: list[str], spans: list[_Span], hints: _Hints
) -> tuple[list[_Candidate], list[_Span]]:
    """The direct quotes, and the spans they are made of."""
    out: list[_Candidate] = []
    quoted: list[_Span] = []
    # Where the text before each span begins: after the previous quote in its paragraph.
    floors: dict[int, int] = {}
    last_end: dict[int, int] = {}
    for sp in spans:
        floors[id(sp)] = last_end.get(sp.para, 0)
        last_end[sp.end_para] = sp.end
    i = 0
    while i < len(spans):
        span = spans[i]
        text_open = paras[span.para]
        parts = [span.parts]
        group = [span]
        last = span
        attr: _Attr | None = None
        after: tuple[_Attr, int] | None = None
        after_of: _Span | None = None  # the span `after` was looked up for
        # A split quote: '"Kami siap," kata Lili, "untuk membantu."'
        while last.closed and i + 1 < len(spans):
            text_close = paras[last.end_para]
            after = _after_attr(text_close, last.end)
            after_of = last
            nxt = spans[i + 1]
            if after is None or nxt.para != last.end_para or nxt.start < after[1]:
                break
            lead_in = text_close[last.end : nxt.start].rstrip()
            if lead_in[-1:] not in (",", ":") or text_close[after[1] : nxt.start].strip(" ,:"):
                break
            if attr is None:
                attr = after[0]
            parts.append(nxt.parts)
            group.append(nxt)
            last = nxt
            i += 1
        i += 1

        # Parts are slices of normalized paragraphs: stripping them normalizes them.
        if len(parts) == 1 and len(span.parts) == 1:  # the usual quote: one part
            flat = span.parts
            quote_text = _strip_trailing_comma(flat[0])
        else:
            flat = [p for chunk in parts for p in chunk]
            cleaned = [_strip_trailing_comma(p) for p in flat]
            quote_text = " ".join(p for p in cleaned if p)
        if not quote_text or not (quote_text[0].isalnum() or any(map(str.isalnum, quote_text))):
            continue
        close_text = paras[last.end_para]
        floor = floors[id(span)]
        # -1: not looked at yet (_at_sentence_start is only needed on some paths).
        sentence_start = -1
        terminal = not last.closed or _is_terminal(close_text, last.end)

        ends_like_speech = _span_ends_like_speech(flat[-1])
        if attr is None and last.closed:
            if after_of is not last:
                after = _after_attr(close_text, last.end)
            if after is not None:
                if not ends_like_speech and not after[0].weak:
                    sentence_start = int(_at_sentence_start(text_open, span.start, floor))
                if ends_like_speech or (sentence_start == 1 and not after[0].weak):
                    attr = after[0]
        before = None
        # (A quote opening its paragraph, or right after the previous quote, has no text
        # before it to look at: ~4k instructions saved on the usual '“...,” ujar X.')
        if span.start > floor and (terminal or ends_like_speech or attr is not None):
            before = _before_attr(text_open, span.start, floor, _me_hints(hints, span.para))
        if before is None and span.start == 0 and span.para > 0:
            # 'Sukardi mengatakan:' closing the previous paragraph introduces this quote.
            prev = paras[span.para - 1]
            if prev.endswith(":"):
                before = _before_attr(
                    prev, len(prev), last_end.get(span.para - 1, 0), _me_hints(hints, span.para - 1)
                )
        if before is not None and (terminal or ends_like_speech or attr is not None):
            b_attr, has_sep = before
            speechlike = has_sep or ends_like_speech or _word_count(quote_text) >= 5
            # Prefer whichever names a person: the closing attribution, then the opening one.
            if speechlike and (
                attr is None
                or attr.weak
                or (attr.mention is None and not attr.pronoun and b_attr.mention is not None)
                or (attr.pronoun and b_attr.mention is not None)
            ):
                attr = b_attr
        if attr is None:
            if not terminal:
                continue
            if sentence_start < 0:
                sentence_start = int(_at_sentence_start(text_open, span.start, floor))
            if not sentence_start:
                continue
            if _word_count(quote_text) < 3 and quote_text[-1:] not in ".!?":
                continue
        out.append((span.para, span.start, "direct", quote_text, attr))
        quoted += group
    return out, quoted


def _lower_moves(joined: str) -> bool:
    """Whether lower-casing may change the article's length ("İ"), so offsets in `_ascii_lower`
    text would not be offsets in the text."""
    return NON_ASCII_TO_ASCII_LOWER[0] in joined or NON_ASCII_TO_ASCII_LOWER[1] in joined


def _verb_hints(paras: list[str], joined: str, low: bytes | None = None) -> _Hints:
    """Per paragraph with a speech verb: where me- verbs (and "berkata") and "menurut" start.

    One pass over the whole lower-cased article instead of several regex scans per paragraph;
    paragraphs without a verb are left out. INDIRECT_VERB_RE / MENURUT_RE are then tried only
    at these offsets: both begin with a word boundary and the verb, and a hint covers only
    letters, so no match is skipped. Speech verbs are thus recognized as `str.lower()` sees
    them. The article is lower-cased as bytes, one byte per character (Latin-1, "?" for the
    rest): bytes.lower() touches only ASCII and is several times faster than str.lower() on
    non-ASCII text, and it is the same lower-casing unless the text has one of
    NON_ASCII_TO_ASCII_LOWER. A paragraph whose lower-casing changes its length ("İ") gets
    None instead of a list: it is scanned in full when it holds a verb at all. `low`: the
    article's `_ascii_lower`, when the caller has it (and `_lower_moves` is false).
    """
    if low is not None or not _lower_moves(joined):
        return _verb_hints_in(paras, _ascii_lower(joined) if low is None else low)
    out: dict[int, tuple[list[int] | None, list[int] | None]] = {}
    for pi, text in enumerate(paras):
        low_p = _ascii_lower(text.lower())
        if len(low_p) == len(text):  # one character for one: offsets carry over
            if found := _verb_hints_in([text], low_p):
                out[pi] = found[0]
            continue
        # As a full scan: try the patterns everywhere, if a verb is there at all.
        has_me = VERB_HINT_RE.search(low_p) or any(v in low_p for v in OTHER_VERBS)
        has_menurut = b"menurut" in low_p or PASSIVE_HINT_RE.search(low_p) is not None
        if has_me or has_menurut:
            out[pi] = (None if has_me else [], None if has_menurut else [])
    return out


def _me_hints(hints: _Hints, pi: int) -> list[int] | None:
    """The me- verb hints of paragraph `pi` (an empty list: it has none; None: unknown)."""
    found = hints.get(pi)
    return [] if found is None else found[0]


def _ascii_lower(text: str) -> bytes:
    """`text` with its ASCII letters lower-cased, one byte per character (offsets carry over)."""
    return text.encode("latin-1", "replace").lower()


def _verb_hints_in(paras: list[str], low: bytes) -> _Hints:
    """`low`: the paragraphs joined with `_SEP`, as `_ascii_lower` gives them."""
    hits = [m.start() for m in VERB_HINT_RE.finditer(low)]
    hits += [m.start() for m in PASSIVE_HINT_RE.finditer(low)]
    for verb in OTHER_VERBS:
        at = low.find(verb)
        while at >= 0:
            hits.append(at)
            at = low.find(verb, at + len(verb))
    if not hits:
        return {}
    hits.sort()
    out: dict[int, tuple[list[int], list[int]]] = {}
    for (pi, offset), at in zip(_in_paragraphs(paras, hits), hits, strict=True):
        me, menurut = out.setdefault(pi, ([], []))
        (menurut if low.startswith((b"menurut", b"di"), at) else me).append(offset)
    return out


def _in_paragraphs(paras: list[str], offsets: Iterable[int]) -> list[tuple[int, int]]:
    """(paragraph, offset in it) of each offset, in ascending order, into the paragraphs
    joined with the one-character `_SEP`."""
    out: list[tuple[int, int]] = []
    pi = base = 0
    nxt = len(paras[0]) + 1
    for at in offsets:
        while at >= nxt:
            pi += 1
            base = nxt
            nxt += len(paras[pi]) + 1
        out.append((pi, at - base))
    return out


def _matches_at(
    pattern: re.Pattern[str], text: str, hints: list[int] | None
) -> list[re.Match[str]]:
    """`pattern.finditer(text)`'s matches, trying `pattern` only at the hinted offsets (if any)."""
    if hints is None:
        return list(pattern.finditer(text))
    out: list[re.Match[str]] = []
    pos = 0
    for at in hints:
        if at < pos:
            continue  # inside the previous match, as finditer would skip it
        m = pattern.match(text, at)
        if m is not None:
            out.append(m)
            pos = m.end()
    return out


def _odd_case_fold(text: str) -> bool:
    """Has `text` a letter that IGNORECASE matches to an ASCII letter but str.lower() does not?

    ("İ" -> "i̇" changes the length; "ı" and "ſ" match "i" and "s" only under IGNORECASE.)
    Substring pre-filters on `text.lower()` are only exact without these.
    """
    return not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text)


def _covered(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _ranges_by_paragraph(spans: Iterable[_Span]) -> dict[int, list[tuple[int, int]]]:
    out: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for pi, a, b in span.ranges:
            out.setdefault(pi, []).append((a, b))
    return out


def _indirect_candidates(
    paras: list[str], spans: list[_Span], quoted: list[_Span], hints: _Hints
) -> list[_Candidate]:
    """Indirect speech outside every quoted span; a direct quote ends the reported clause.

    `hints`: `_verb_hints` of the paragraphs.
    """
    if not hints:
        return []  # no speech verb in the whole article
    covered = _ranges_by_paragraph(spans)
    # `quoted` is a subset of `spans` (in order): all of them, the usual case, when as long.
    direct = covered if len(quoted) == len(spans) else _ranges_by_paragraph(quoted)
    out: list[_Candidate] = []
    for pi, (me_hints, menurut_hints) in hints.items():
        text = paras[pi]
        ranges = covered.get(pi, [])
        in_para = direct.get(pi, [])  # the direct quotes' ranges in this paragraph
        reported: set[int] = set()  # starts of the sentences with a me- verb's speech
        for m in _matches_at(INDIRECT_VERB_RE, text, me_hints) if me_hints != [] else ():
            verb_at = m.start()
            clause_at = m.end()
            if clause_at >= len(text) or (ranges and _covered(ranges, verb_at)):
                continue
            if in_para and any(a == clause_at for a, _b in in_para):
                continue  # 'Weni mengatakan, "..."' is a direct quote
            floor = _floor(ranges, verb_at) if ranges else 0
            start = _sentence_start(text, verb_at, floor)
            attr = _subject_attr(m.group("verb").lower(), text[start:verb_at])
            if attr is None:
                continue
            clause = _clause(text, clause_at, in_para)
            if clause:
                out.append((pi, start, "indirect", clause, attr))
                reported.add(start)
        for m in _matches_at(MENURUT_RE, text, menurut_hints) if menurut_hints != [] else ():
            verb_at = m.start()
            if ranges and _covered(ranges, verb_at):
                continue
            floor = _floor(ranges, verb_at) if ranges else 0
            start = _sentence_start(text, verb_at, floor)
            head = _strip_connectors(text[start:verb_at].strip()) if start < verb_at else ""
            intro_head = (
                INTRO_HEAD_RE.fullmatch(head.lower()) if head and m.group("passive") else None
            )
            if intro_head is not None:
                # "Hal senada disampaikan Markus." names the speaker of what follows; "Hal itu
                # disampaikan Markus." (`back`) that of the unattributed quotes before it, too
                intro = _intro_attr(text, m)
                if intro is not None:
                    back = "back" if intro_head.group("back") else ""
                    out.append((pi, start, "intro", back, intro))
                continue
            if head:
                # "Program ini, menurut Sukardi, sangat membantu." inside a sentence
                inside = None if start in reported else _menurut_inside(text, m, start, in_para)
                if inside is not None:
                    out.append((pi, start, "indirect", *inside))
                continue
            found = _menurut_subject(text, m)
            if found is None:
                continue
            attr, clause_at = found
            if clause_at >= len(text) or (in_para and any(a == clause_at for a, _b in in_para)):
                continue
            clause = _clause(text, clause_at, in_para)
            if clause:
                out.append((pi, start, "indirect", clause, attr))
    return out


def _trailing_hits(paras: list[str], low: bytes | None) -> list[tuple[int, int]]:
    """(paragraph, offset) of each TRAILING_VERB_RE match, in order. `low`: the article's
    `_ascii_lower`, None when lower-casing moves offsets (`_lower_moves`)."""
    if low is None:  # the case-insensitive scan, paragraph by paragraph
        return [
            (pi, m.start()) for pi, text in enumerate(paras)
            for m in TRAILING_VERB_RE.finditer(text)
        ]
    hits = (hit.start() for hit in TRAILING_HINT_RE.finditer(low))
    return [
        (pi, at) for pi, at in _in_paragraphs(paras, hits) if TRAILING_VERB_RE.match(paras[pi], at)
    ]


def _trailing_candidates(
    paras: list[str], low: bytes | None, spans: list[_Span], indirect: list[_Candidate]
) -> list[_Candidate]:
    """Reported speech without quote marks: "A, kata Sukardi." / "A, ujarnya." -> "A." of
    Sukardi (indirect). The attribution after the comma ends the sentence and names a person,
    a role or a pronoun (-nya); the sentence has no quote mark and no other speech found.
    `low`: as for `_trailing_hits`.
    """
    hits = _trailing_hits(paras, low)
    if not hits:
        return []
    out: list[_Candidate] = []
    covered = _ranges_by_paragraph(spans)
    taken = {(pi, start) for pi, start, *_rest in indirect}
    for pi, comma in hits:
        text = paras[pi]
        ranges = covered.get(pi, [])
        floor = _floor(ranges, comma) if ranges else 0
        start = _sentence_start(text, comma, floor)
        end = _sentence_end(text, comma)
        if (pi, start) in taken or QUOTE_MARK_RE.search(text, start, end):
            continue
        inside = _trailing_inside(text, comma, end)
        if inside is not None:
            rest, attr = inside  # "A, kata X, B." -> "A B."
        else:
            found = _after_attr(text, comma)
            if found is None or found[0].weak:
                continue
            attr, attr_end = found
            rest = text[attr_end:end].strip(" ,")
            if rest.strip(".!?") and rest.split(" ", 1)[0].lower() not in TRAILING_ADJUNCTS:
                continue  # the sentence goes on after the attribution
            tail = text[start:end].rstrip()
            rest = tail[-1] if tail[-1] in ".!?" else ""  # "A, kata X." -> "A."
        if not _strip_connectors(text[start:comma]):
            continue
        head = _drop_dateline(text[start:comma].strip())
        if _word_count(head) < 3:
            continue  # "Ya, kata dia." is no statement
        out.append((pi, start, "indirect", f"{head} {rest}" if inside else head + rest, attr))
        taken.add((pi, start))
    return out


def _trailing_inside(text: str, comma: int, end: int) -> tuple[str, _Attr] | None:
    """ "A, kata X, B." inside a sentence ending at `end`: "B." and the attribution of X.

    The attribution stands between two commas: the -nya verb alone ("katanya"), or the verb
    and a person, a role or a pronoun, perhaps with an adjunct ("kata Sukardi kepada
    wartawan") or a role appositive ("kata Sukardi, Kepala Dinas Pangan,"). B opens with a
    lower-case word that is not an adjunct of the attribution ("..., kata Sukardi, saat
    ditemui." ends the sentence with it: not this form).
    """
    m = AFTER_VERB_RE.match(text, comma)
    if m is None:
        return None
    close = text.find(",", m.end(), end)
    if close < 0:
        return None
    rest = text[close + 1 : end].strip()
    if rest[:1].isupper() and not m.group("nya"):  # "kata Sukardi, Kepala Dinas Pangan, B."
        after = text.find(",", close + 1, end)
        if after > 0 and _role_appositive(text[close + 1 : after].split()):
            close, rest = after, text[after + 1 : end].strip()
    first = rest.split(" ", 1)[0]
    if not first[:1].islower() or first.lower() in TRAILING_ADJUNCTS or not rest.strip(".!?"):
        return None
    verb = m.group("verb").lower()
    mention = text[m.end() : close].strip()
    if m.group("nya"):
        return (rest, _Attr(verb, None, True)) if not mention else None
    words = mention.split(" ")
    for k in range(1, len(words)):
        if words[k].lower() in TRAILING_ADJUNCTS:
            mention = " ".join(words[:k])
            break
    attr = _mention_attr(verb, mention)
    return (rest, attr) if attr is not None else None


def _floor(ranges: list[tuple[int, int]], pos: int) -> int:
    """The end of the last range that ends at or before `pos` (0 if none)."""
    return max((b for _a, b in ranges if b <= pos), default=0)


def _clause(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    end = _sentence_end(text, start)
    for a, _b in ranges:  # a direct quote inside the sentence ends the reported clause
        if start <= a < end and text[start:a].strip():
            end = min(end, a)
    return _strip_trailing_comma(text[start:end])


def _menurut_subject(text: str, m: re.Match[str]) -> tuple[_Attr, int] | None:
    """The subject of "Menurut X, ..." and where the reported clause starts."""
    verb = _menurut_verb(m)
    pos = m.end()
    if m.group("nya"):
        rest = text[pos:]
        stripped = rest.lstrip(" ,")
        if stripped == rest.lstrip(" "):
            return None  # "menurutnya" without a comma is not the lead-in
        return _Attr(verb, None, True), pos + len(rest) - len(stripped)
    # Segments separated by ", " (at most 9, found as they are needed): the subject takes
    # segments until it names a person, then keeps only degrees and appositive names
    # ("Kepala Dinas ..., Dr. H. Ahmad Yani, S.Sos.").
    subject_end = None
    name_found = False
    b = pos - 1
    for k in range(9):
        a = b + 1
        b = text.find(",", a)
        if b < 0:
            break
        seg = text[a:b].strip()
        if not seg:
            return None
        if k == 0:
            # No end punctuation in the segment: the sentence cannot end inside it.
            if ("." in seg or "!" in seg or "?" in seg) and _sentence_end(text, a) < b:
                return None
            name_found = split_person(seg)[0] is not None
            subject_end = b
            continue
        words = seg.split()
        if all(map(_is_degree, words)) or (
            # A name (or honorific) first, else neither test below can pass.
            (_is_name_token(words[0]) or _is_honorific(words[0]))
            and (
                _short_name([t for t in words if not _is_honorific(t)])
                or (
                    not name_found
                    and k < 3
                    and all(_is_name_token(t) or _is_honorific(t) for t in words)
                )
            )
        ):
            subject_end = b
            name_found = name_found or split_person(seg)[0] is not None
            continue
        if name_found and _role_appositive(words):
            subject_end = b  # "Menurut Sukardi, Kepala Dinas Sosial, ..." titles Sukardi
            continue
        break
    if subject_end is None:
        return None
    attr = _menurut_attr(verb, text[pos:subject_end].strip(" ,"))
    if attr is None:
        return None
    clause_at = subject_end + 1
    while clause_at < len(text) and text[clause_at] == " ":
        clause_at += 1
    return attr, clause_at


# Lower-case words a role appositive may hold ("Kepala Dinas Pekerjaan Umum dan Penataan
# Ruang", "Kepala Desa setempat").
APPOSITIVE_LOWER_WORDS = frozenset({"dan", "setempat"})


def _role_appositive(words: list[str]) -> bool:
    """A comma segment that is only a role after a name: "Kepala Dinas Sosial Kapuas Hulu".

    It opens with a role word and every other word is capitalized (or "dan", "setempat"),
    so a clause opening with a role noun ("Kepala Desa harus melapor") is not one.
    """
    return (
        len(words) <= 10
        and _core(words[0]).lower() in ROLE_HEADS
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w[:1].isdigit() or w in APPOSITIVE_LOWER_WORDS
                for w in words[1:])
    )


def _menurut_verb(m: re.Match[str]) -> str:
    """The verb of a MENURUT_RE match as written, lower-cased: "menurut", "dikatakannya"."""
    return ((m.group("verb") or m.group("passive")) + (m.group("nya") or "")).lower()


def _intro_attr(text: str, m: re.Match[str]) -> _Attr | None:
    """The person named after the passive verb of "Hal senada disampaikan X." / "Demikian
    dikatakan X saat ...": the speaker of what follows (a pronoun or -nya). Not a pronoun."""
    if m.group("nya"):
        return None
    pos = m.end()
    while pos < len(text) and text[pos] == " ":
        pos += 1
    attr = _mention_attr(_menurut_verb(m), _cut_mention(text, pos)[0].rstrip(" ,."))
    return attr if attr is not None and not attr.pronoun else None


def _menurut_attr(verb: str, subj: str) -> _Attr | None:
    """The attribution of "menurut SUBJECT": a pronoun, or a person (not "data BPS")."""
    first = subj.split(" ", 1)[0]  # subj: a stripped slice of a normalized paragraph
    if subj.lower() in PRONOUNS:
        return _Attr(verb, None, True)
    if first and first.lower() in NON_PERSON_WORDS:
        return None
    return _mention_attr(verb, subj)


def _menurut_inside(
    text: str, m: re.Match[str], start: int, quotes: list[tuple[int, int]]
) -> tuple[str, _Attr] | None:
    """ "A, menurut X, B." / "A, menurut X." inside a sentence: the statement "A B." of X.

    The attribution stands between commas ("menurutnya" too) or ends the sentence; the
    sentence holds no direct quote. The text is the sentence from its start (a dateline
    dropped) without the attribution.
    """
    lead = text[start : m.start()].rstrip()
    if not lead.endswith(","):
        return None  # "Hal itu menurut saya ..." without commas: too loose to read
    head = _drop_dateline(lead[:-1].rstrip())
    end = _sentence_end(text, m.end())
    if not head or any(start <= a < end for a, _b in quotes):
        return None
    tail = text[m.end() : end]
    subj = tail.rstrip(".!?").strip()
    # The attribution ends the sentence ("..., menurut Sukardi." / "..., menurutnya." /
    # "..., menurut Kepala Desa Sungai Ulu, Markus.") when the sentence ends after it and
    # what follows the verb has no comma, or only capitalized words (an appositive name).
    final = subj != tail.strip() and (
        "," not in subj or all(word[:1].isupper() for word in subj.replace(",", " ").split())
    )
    if not final:
        found = _menurut_subject(text, m)
        if found is None or found[1] >= end:
            return None
        rest = _strip_trailing_comma(text[found[1] : end])
        return (f"{head} {rest}", found[0]) if rest else None
    verb = _menurut_verb(m)
    if m.group("nya"):
        attr: _Attr | None = None if subj else _Attr(verb, None, True)
    else:
        attr = _menurut_attr(verb, subj) if subj else None
    if attr is None:
        return None
    return head + tail[len(tail.rstrip(".!?")) :].strip(), attr


def _short_name(toks: list[str]) -> bool:
    return bool(toks) and len(toks) <= 5 and _all_name(toks)


# Nouns that open news sentences with a capital and that split_person would take for a name
# ("Banjir melanda ...", "Jalan itu ..."); only `_preceding_subject` consults them.
COMMON_NOUN_SUBJECTS = frozenset({
    "banjir", "hujan", "longsor", "gempa", "angin", "cuaca", "api", "asap", "kabut", "air",
    "sungai", "tanah", "lahan", "hutan", "jalan", "jembatan", "pasar", "sekolah", "rumah",
    "gedung", "kantor", "listrik", "bantuan", "harga", "dana", "anggaran", "proyek", "jumlah",
    "korban", "stok", "beras", "pupuk", "bibit", "produksi", "lalu", "arus", "antrean",
    "posko", "tim", "petugas", "aparat", "polisi", "personel",
})


def _is_common_noun(word: str) -> bool:
    """A lower-cased word that is a common noun rather than a name: one of
    COMMON_NOUN_SUBJECTS, or a pe-/ke-/per- ... -an nominalization ("pembangunan", "kegiatan",
    "perbaikan", "kebakaran")."""
    if word in COMMON_NOUN_SUBJECTS:
        return True
    return len(word) > 6 and word.endswith("an") and word.startswith(("pe", "ke"))


def _preceding_subject(
    paras: list[str], para: int, pos: int, quoted: Collection[int]
) -> str | None:
    """The named person opening the sentence before `pos` of paragraph `para`, if any: the one
    before it in the paragraph, or the previous paragraph's last one when the quote's sentence
    opens its paragraph and the previous paragraph has no quote (`quoted`: the paragraphs with
    one; a quote there set the last speaker already).

    A pronoun or -nya right after "Sukardi hadir di lokasi." or "Salah seorang warga, Suparmi
    (45), mengaku terbantu." means that person, even though they were not quoted yet.
    """
    text = paras[para]
    # (Before offset 2 no sentence can have ended.)
    current = _sentence_start(text, pos, 0) if pos >= 2 else 0
    if current:
        prev = text[:current].rstrip()
    elif para and para - 1 not in quoted:
        prev = paras[para - 1].rstrip()
        # Most paragraphs before such a quote end with one ('...,” ujar Markus.'): their last
        # sentence holds a mark, and so does the text after their last ". " (part of it).
        if QUOTE_MARK_RE.search(prev, max(prev.rfind(". "), prev.rfind("? "), prev.rfind("! "))):
            return None
    else:
        return None
    return _sentence_subject(_strip_connectors(prev[_sentence_start(prev, len(prev), 0) :]))


def _sentence_subject(sentence: str) -> str | None:
    """The person a sentence opens with, followed by its lower-case predicate, if any.

    Not in a sentence with a quote mark: that is someone's speech (or its end), not the
    narrative that introduces a speaker.
    """
    if not sentence[:1].isupper() or QUOTE_MARK_RE.search(sentence):
        return None
    if "," in sentence and TRAILING_VERB_RE.search(sentence):
        # "Bantuan sudah tiba, ujar Markus. ..., tambahnya.": that sentence reports someone's
        # speech, and the pronoun goes to the last speaker, not to "Bantuan".
        return None
    if PASSIVE_WORD_RE.search(sentence.lower()):
        return None  # "Demikian dikatakan Budi ...": its intro candidate named the speaker
    words = sentence.split()
    subject: list[str] = []
    predicate = None
    for word in words:
        core = _core(word)
        low = core.lower()
        if not core or word[0] in _QUOTE_CHARS:
            return None
        if (
            _is_name_token(word)
            or _is_honorific(word)
            or _is_degree(word)
            or low in ROLE_HEADS
            or low in ORG_WORDS
            or low in SUBJECT_FILLERS
            or (subject and len(core) > 1 and core.isupper())  # "Ketua RT", "Kepala BPBD"
        ):
            subject.append(word)
            continue
        if subject and AGE_RE.fullmatch(word):
            continue  # "Suparmi (45), mengaku ...": the age is no part of the name
        predicate = core
        break
    if not subject or predicate is None or not predicate[:1].islower():
        return None  # a subject needs a lower-case predicate after it
    first = next((w for w in map(str.lower, map(_core, subject)) if w not in SUBJECT_FILLERS), "")
    if predicate in DEMONSTRATIVES or first.startswith("menurut") or first in NON_PERSON_WORDS:
        return None  # "Festival itu dibuka ...", "Menurutnya, ...", "Kalau ...": no person
    if len(subject) == 1 and _is_common_noun(_core(subject[0]).lower()):
        return None  # "Banjir melanda desa itu." names no one
    raw = " ".join(subject)
    return raw if split_person(raw)[0] is not None else None


# After a capitalized word, they make it a common noun: "Festival itu", "Program ini".
DEMONSTRATIVES = frozenset({"itu", "ini", "tersebut"})
# A person's age after the name: "Suparmi (45),".
AGE_RE = re.compile(r"\([0-9]{1,3}(?: tahun)?\),?")


_READING_ORDER = operator.itemgetter(0, 1)  # of a _Candidate: paragraph, position


@functools.lru_cache(maxsize=256)
def _written_name_re(name: str) -> re.Pattern[str]:
    """A one-word name followed by more capitalized words (not a day name): "Jarot Winarno"."""
    # The name first, as a literal prefix the engine can scan for (a lookbehind before it would
    # make it try every position); the caller checks the character before a match.
    return re.compile(rf"{re.escape(name)}(?: (?!(?i:{_DAY_ALT})\b)[A-Z][\w'’-]*)+")


class _Speakers:
    """Who spoke last, and the last title seen for each person (for pronouns and -nya)."""

    def __init__(self, text: str = "") -> None:
        self.last: str | None = None
        self.titles: dict[str, str] = {}
        self.names: list[str] = []
        self.text = text  # the article, where a short name may be written out

    def _canonical(self, name: str) -> str:
        if name in self.names:
            return name
        if self.names:
            words = set(name.split())
            fuller = [k for k in self.names if words < set(k.split())]
            if len(fuller) == 1:
                return fuller[0]
        if " " not in name and self.text:
            written = self._written_out(name)
            if written is not None:
                return written
        self.names.append(name)
        return name

    def _written_out(self, name: str) -> str | None:
        """'Jarot' -> 'Jarot Winarno' when the article writes the name out the one way
        ("Bupati Sintang Jarot Winarno meminta ..."); the title written with it is remembered."""
        found: dict[str, str | None] = {}
        for m in _written_name_re(name).finditer(self.text):
            before = self.text[m.start() - 1 : m.start()]
            if before.isalnum() or before in ("'", "’", "-", "_"):
                continue  # inside a longer word ("Ajarot Winarno")
            # The capitalized words right before it in its paragraph: "Bupati Sintang", "Ketua
            # KPU Agam," and "Kasat Samapta Polres Malang, AKP" (one comma at most).
            role: list[str] = []
            start = self.text.rfind(_SEP, 0, m.start()) + 1
            comma = False
            for word in reversed(self.text[start : m.start()].split(" ")[-8:-1]):
                if not word[:1].isupper():
                    break
                if word[-1] in ".,;:" and not _is_honorific(word):
                    if comma or word[-1] != ",":
                        break
                    comma = True
                role.insert(0, word)
            full, title = split_person(" ".join([*role, m.group()]))
            if full is not None and full != name and name in full.split():
                found.setdefault(full, title)
        if len(found) != 1:
            return None
        full, title = found.popitem()
        if title and full not in self.titles:
            self.titles[full] = title
        self.names.append(full)
        return full

    def _holder(self, role: str) -> str | None:
        """The one speaker seen with a title holding every word of `role`, if exactly one; not
        for a role many hold ("kata warga" after a resident was quoted may be another one)."""
        words = set(role.lower().split())
        if not words.isdisjoint(SHARED_ROLES):
            return None
        found = [n for n, t in self.titles.items() if words <= set(t.lower().split())]
        return found[0] if len(found) == 1 else None

    def resolve(self, attr: _Attr | None) -> tuple[str | None, str | None]:
        if attr is None:
            return None, None
        if attr.weak:
            title = split_person(attr.mention)[1]
            if title and any(_core(w).lower() in ROLE_HEADS for w in title.split()):
                return None, title
            return None, None
        if attr.pronoun:
            if self.last is None:
                return None, None
            return self.last, self.titles.get(self.last)
        name, title = split_person(attr.mention)
        if name is None:
            # "tegas Kasat" after "Kasat Resnarkoba AKP Bambang Irawan": the one known holder
            holder = self._holder(title) if title else None
            if holder is None:
                return None, title
            self.last = holder
            return holder, self.titles[holder]
        name = self._canonical(name)
        if title:
            self.titles[name] = title
        else:
            title = self.titles.get(name)
        self.last = name
        return name, title


def extract_quotes(paragraphs: Sequence[str] | None, *, normalized: bool = False) -> list[Quote]:
    """Direct and indirect quotes of an article's body paragraphs, in reading order.

    `normalized`: the caller guarantees that every paragraph is a str with its whitespace
    normalized already (extract_body's paragraphs are), so the per-character check is skipped.
    """
    paras = list(paragraphs or ()) if normalized else _normalize(paragraphs)
    if not any(paras):
        return []
    joined = _SEP.join(paras)
    spans = _scan(paras, _mark_offsets(paras, joined))
    low = None if _lower_moves(joined) else _ascii_lower(joined)
    hints = _verb_hints(paras, joined, low)
    direct, quoted = _direct_candidates(paras, spans, hints)
    indirect = _indirect_candidates(paras, spans, quoted, hints)
    candidates = direct + indirect + _trailing_candidates(paras, low, spans, indirect)
    if len(candidates) > 1:
        candidates.sort(key=_READING_ORDER)
    speakers = _Speakers(joined)
    quotes: list[Quote] = []
    # Paragraph, speaker and title of the last quote (or intro): an unattributed direct quote in
    # the same or the next paragraph continues it ('“A,” kata Sukardi. “B.”': B is Sukardi's).
    previous: tuple[int, str | None, str | None] = (-2, None, None)
    with_quotes: set[int] | None = None  # paragraphs with a candidate, made when first needed
    for para, pos, kind, text, found in candidates:
        if kind == "intro":  # "Hal senada disampaikan Markus.": no quote, the next speaker
            previous = (para, *speakers.resolve(found))
            if text:  # "back": '“...”' then "Hal itu disampaikan Markus." -> Markus's
                for quote in reversed(quotes):  # the unattributed ones right before it
                    if quote.verb is not None or quote.paragraph < para - 1:
                        break
                    quote.speaker, quote.speaker_title = previous[1], previous[2]
            continue
        attr = found
        if attr is not None and attr.pronoun:
            # "Salah seorang warga, Suparmi, mengaku terbantu. “...,” tuturnya." -> Suparmi.
            if with_quotes is None:
                with_quotes = {candidate[0] for candidate in candidates}
            subject = _preceding_subject(paras, para, pos, with_quotes)
            if subject is not None:
                attr = _Attr(attr.verb, subject, False)
        if attr is None and kind == "direct" and previous[0] >= para - 1:
            speaker, title = previous[1], previous[2]
        else:
            speaker, title = speakers.resolve(attr)
        previous = (para, speaker, title)
        verb = found.verb if found is not None else None
        quotes.append(Quote(text, speaker, title, verb, kind, para))
    return quotes
