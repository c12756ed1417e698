"""Direct and indirect quotes, with their speakers, from Indonesian news paragraphs.

Pure text in, `Quote` records out: no Scrapy, no parsel. `extract_quotes` never raises.

Text normalization (the exact rules fixture writers follow)
-----------------------------------------------------------
Every paragraph first has its whitespace runs collapsed to one space and is stripped.

Direct quotes (`kind="direct"`):
- Quote marks are the double marks `"` “ ” „ ‟ « » ″. Single marks (‘ ’ ') never delimit a
  quote (they mark terms inside one, and the apostrophe of "Jum'at"). A mark opens or closes by
  its neighbours (space or start before and a character after: opens; a character before and a
  space, punctuation or end after: closes), so ”Kami ...,” and mixed "...” pairs work; when the
  neighbours do not decide, the glyph does (“ opens, ” closes, " toggles).
- `text` is what stands between the marks, with the trailing comma removed: a trailing "," and a
  trailing ".," (a typo for ",") go; a final ".", "?", "!" or "..." stays. Quotes nested inside a
  quote stay in the text with their marks.
- A split quote ('"Kami siap," kata Lili, "untuk membantu."') is ONE quote: the parts, each
  cleaned as above, joined with one space: "Kami siap untuk membantu.".
- A quote running over several paragraphs (opening mark on each, closing only on the last) is
  ONE quote: the parts joined with one space, `paragraph` = the first one.
- A quoted span is speech when (a) a speech verb follows its closing mark ('," ujar Sukardi.',
  '," tegasnya.', '," Sukardi menambahkan.') and the span ends with , . ! ? or starts a sentence;
  or (b) a speech verb introduces it ('Weni mengatakan, "..."', 'Menurut Weni, "..."',
  'Kata Lili: "..."') and the span ends its sentence or clause; or (c) it has no attribution but
  starts a sentence, ends it, and is sentence-like (3+ words, or ends with . ! ?): then
  `speaker` and `verb` are None. Anything else (program names, terms: 'program "Jumat Berkah"',
  'istilah “zero ODOL”') is not a quote.

Indirect speech (`kind="indirect"`), outside direct quotes only:
- "SUBJECT VERB, clause", "SUBJECT VERB bahwa clause", "SUBJECT VERB: clause" with VERB one of
  the me- speech verbs (mengatakan, menyatakan, menyampaikan, menjelaskan, menuturkan,
  menegaskan, mengungkapkan, menambahkan, menilai, menyebut, menyebutkan, memaparkan,
  menerangkan, menekankan, mengingatkan, mengakui, berkata), and "Menurut SUBJECT, clause" /
  "Menurutnya, clause" at the start of a sentence (after connectors such as "Sementara itu,").
  SUBJECT must be a person (a name, a role such as "Kepala Desa setempat", or a pronoun).
- `text` is the clause after the comma / "bahwa" up to and including the punctuation that ends
  the sentence (or the end of the paragraph), whitespace collapsed.

Speakers:
- `verb` is the verb as written, lower-cased ("ujar", "tegasnya", "mengatakan", "menurut",
  "menurutnya").
- `speaker` is the bare name from `split_person`; `speaker_title` its role. A named speaker's
  title is remembered: when the same person is named again without a title, or referred to by
  a pronoun, the last title seen for them is used.
- -nya verbs (katanya, ujarnya, tegasnya, ...) and the pronouns ia, dia, beliau (and "pihaknya"
  as a subject) resolve to the most recent named speaker, across paragraphs; with none yet the
  speaker is None.
- A shorter form of a name already seen ("Weni" after "Weni Catur Fitriani") resolves to the
  full name when exactly one known name contains all its words.
- Quotes are ordered by paragraph, then by position in the paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spektroom_crawler.record import Quote, QuoteKind

__all__ = ["extract_quotes", "split_person"]

# --- vocabulary ---------------------------------------------------------------------------

# Short speech verbs used after a quote ('," ujar Sukardi'), also with -nya ('," tegasnya').
BASE_VERBS: tuple[str, ...] = (
    "kata", "ujar", "tutur", "ucap", "ungkap", "jelas", "papar", "tegas", "sebut", "terang",
    "lanjut", "tambah", "imbuh", "pungkas", "sambung", "tukas", "cetus", "tandas", "timpal",
    "kilah", "beber", "urai", "tanya",
)
# Full (me-) speech verbs: before a quote ('Weni mengatakan, "..."') and in indirect speech.
ME_VERBS: tuple[str, ...] = (
    "mengatakan", "menyatakan", "menyampaikan", "menjelaskan", "menuturkan", "menegaskan",
    "mengungkapkan", "menambahkan", "menilai", "menyebutkan", "menyebut", "memaparkan",
    "menerangkan", "menekankan", "mengingatkan", "mengakui", "berkata",
)
_BASE_ALT = "|".join(sorted(BASE_VERBS, key=len, reverse=True))
_ME_ALT = "|".join(sorted(ME_VERBS, key=len, reverse=True))

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
    "marsma", "marsda", "kasatpol",
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
    "penghargaan", "upaya", "langkah", "kondisi", "situasi",
})
DAY_NAMES = frozenset({
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad",
})
# Words that end a speaker mention after a verb ('," kata Sukardi kepada wartawan').
MENTION_STOPS = frozenset({
    "kepada", "pada", "saat", "ketika", "di", "dalam", "usai", "seusai", "selepas", "setelah",
    "sesudah", "sebelum", "sesaat", "sembari", "sambil", "seraya", "kemarin", "tadi",
    "belum", "dengan", "melalui", "lewat", "via", "ditemui", "dihubungi", "dikonfirmasi",
    "menanggapi", "terkait", "soal", "mengenai", "tentang", "menjelang", "disela", "dilansir",
    "dikutip", "kala", "waktu", "pagi", "siang", "sore", "malam", "lalu", "yang", "dan",
    "bersama", "didampingi", "mewakili", "kemudian", "lagi", "pula", "juga", "pun",
    "menutup", "mengakhiri", "sebagaimana", "seperti", "ini", "itu", "tersebut",
}) | frozenset(ME_VERBS) | DAY_NAMES
# Adverbial openers of a clause before the subject ("Dalam sambutannya, Bupati ...").
ADVERBIAL_HEADS = frozenset({
    "dalam", "pada", "saat", "ketika", "di", "usai", "seusai", "setelah", "sebelum",
    "menanggapi", "terkait", "mengenai", "soal", "ditemui", "dihubungi", "dikonfirmasi",
    "melalui", "sesuai", "berdasarkan", "sebagai", "untuk", "bagi", "dari", "kepada",
    "selama", "sejak", "menjelang", "sambil", "mengingat", "atas", "dengan", "oleh",
})
NAME_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "de", "al", "el", "bt", "bte"})
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
WS_RE = re.compile(r"\s+")
TOKEN_RE = re.compile(r"\S+")
NAME_CORE_RE = re.compile(r"[^\W\d_][^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*")

# After a closing mark: ', ujar Sukardi' / ' tegasnya' / ' menurut Weni'.
AFTER_VERB_RE = re.compile(
    rf"[\s,]*(?P<verb>(?:{_BASE_ALT}|menurut)(?P<nya>nya)?)\b", re.IGNORECASE
)
# After a closing mark, subject first: '," Sukardi menambahkan.' / '," ia menegaskan.'
AFTER_SUBJECT_RE = re.compile(
    rf"[\s,]*(?P<subj>(?:[Ii]a|[Dd]ia|[Bb]eliau)|[A-Z][^\s.,!?;{_QUOTE_CHARS}]*"
    rf"(?:\s+[^\s!?;{_QUOTE_CHARS}]+){{0,7}}?)"
    rf"\s+(?:(?:juga|pun|kembali|pula)\s+)?(?P<verb>{_ME_ALT})\b(?=\s*[.,;!?]|\s*$)"
)
# Before an opening mark: 'Weni mengatakan, ' / 'Ia menegaskan bahwa ' / 'Sukardi berkata: '.
BEFORE_VERB_RE = re.compile(
    rf"\b(?P<verb>{_ME_ALT})(?P<sep>\s*[,:]?\s*(?:bahwa\b\s*[,:]?\s*)?)$", re.IGNORECASE
)
# Before an opening mark, verb first: 'Menurut Weni, ' / 'Menurutnya, ' / 'Kata Lili: '.
BEFORE_PREPOSED_RE = re.compile(
    rf"\b(?P<verb>menurut|kata|ujar|tutur)(?P<nya>nya)?\b(?P<subj>[^{_QUOTE_CHARS}]{{0,160}}?)"
    r"\s*[,:]\s*$",
    re.IGNORECASE,
)
# Indirect speech: 'Ia menegaskan bahwa ', 'Sukardi menilai, ', 'X menjelaskan: '.
INDIRECT_VERB_RE = re.compile(
    rf"\b(?P<verb>{_ME_ALT})(?:\s*[,:]\s*(?:bahwa\b\s*,?\s*)?|\s+bahwa\b\s*,?\s*)",
    re.IGNORECASE,
)
MENURUT_RE = re.compile(r"\b(?P<verb>menurut)(?P<nya>nya)?\b", re.IGNORECASE)
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
TAIL_ADVERB_RE = re.compile(
    r"(?:\s+(?:juga|pun|kembali|lebih\s+lanjut|pula|lantas|kemudian|sempat|turut|sekaligus|"
    r"bahkan|lalu|selanjutnya|secara\s+tegas|dengan\s+tegas|tak\s+lupa|tidak\s+lupa|"
    r"saat\s+itu|ketika\s+itu|sendiri))+$",
    re.IGNORECASE,
)
# Appositive title after a name: "Sukardi selaku Wakil Bupati", "Lili yang juga Ketua ...".
APPOSITIVE_RE = re.compile(
    r"\s*,?\s+(?:selaku|sebagai|yang\s+juga|yang\s+merupakan|yang\s+menjabat(?:\s+sebagai)?)\s+",
    re.IGNORECASE,
)
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
    return bool(DEGREE_DOTTED_RE.fullmatch(core)) or core.rstrip(".") in PLAIN_DEGREES


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[0].isupper() and tok[1] == "."


def _is_name_token(tok: str) -> bool:
    """A word that can be part of a person's name: capitalized, not a role/org/place word."""
    if _is_initial(tok):
        return True
    core = _core(tok)
    if len(core) < 2 or not core[0].isupper() or core.isupper():
        return False
    low = core.lower()
    if low in ROLE_HEADS or low in ORG_WORDS or low in NON_PERSON_WORDS:
        return False
    if low in MENTION_STOPS or low in PRONOUNS or low in HONORIFICS:
        return False
    return bool(NAME_CORE_RE.fullmatch(core))


def _all_name(tokens: list[str]) -> bool:
    if not tokens or len(tokens) > 6 or not _is_name_token(tokens[0]):
        return False
    if not _is_name_token(tokens[-1]) or all(_is_initial(t) for t in tokens):
        return False
    return all(_is_name_token(t) or t.lower() in NAME_PARTICLES for t in tokens)


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
    return n


def _clean_title(title: str) -> str | None:
    title = WS_RE.sub(" ", title).strip(" ,;:-–—.")
    title = TITLE_LEAD_RE.sub("", title).strip(" ,;:-–—")
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


def split_person(raw: str | None) -> tuple[str | None, str | None]:
    """Split a person mention into (bare name, title/role); honorifics and degrees are dropped.

    "Kepala Dinas Sosial Kapuas Hulu, Dr. H. Ahmad Yani, S.Sos., M.Si." ->
    ("Ahmad Yani", "Kepala Dinas Sosial Kapuas Hulu"). Anything unusable -> (None, None).
    """
    if not isinstance(raw, str):
        return None, None
    text = PARENS_RE.sub(" ", raw)
    text = QUOTE_MARK_RE.sub(" ", text)
    text = WS_RE.sub(" ", text).strip(" ,.;:-–—/|")
    if not text or len(text) > 200:
        return None, None
    text = HONORIFIC_GLUE_RE.sub(r"\1. ", text)
    segments: list[list[str]] = []
    for part in text.split(","):
        for piece in APPOSITIVE_RE.split(" " + part.strip()):
            toks = [t for t in piece.split() if not _is_honorific(t) and not _is_degree(t)]
            toks = [t for t in toks if _core(t)]
            if toks:
                segments.append(toks)
    if not segments:
        return None, None
    name_tokens: list[str] | None = None
    title_parts: list[str] = []
    name_idx = next((i for i, seg in enumerate(segments) if _all_name(seg)), None)
    if name_idx is not None:
        name_tokens = segments[name_idx]
        title_parts = [
            " ".join(s) for i, s in enumerate(segments) if i != name_idx and not _all_name(s)
        ]
    else:
        for i in range(len(segments) - 1, -1, -1):
            seg = segments[i]
            n = _trailing_name_run(seg)
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
        name = " ".join(t if _is_initial(t) else _core(t) for t in name_tokens)
    title = _clean_title(", ".join(p for p in title_parts if p))
    if name is None and title is not None and not any(c.isalpha() for c in title):
        title = None
    return name, title


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


@dataclass(slots=True)
class _Attr:
    verb: str
    mention: str | None  # raw person mention, None for -nya verbs and pronouns
    pronoun: bool


@dataclass(slots=True)
class _Candidate:
    para: int
    pos: int
    kind: QuoteKind
    text: str
    attr: _Attr | None


def _mark_role(text: str, i: int) -> int:
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


def _scan(paras: list[str]) -> list[_Span]:
    """Find the top-level quoted spans of all paragraphs, in order."""
    spans: list[_Span] = []
    current: _Span | None = None
    for pi, text in enumerate(paras):
        depth = 0
        content_start = 0
        pos = 0
        if current is not None:  # continuation: this paragraph opens with a mark
            depth = 1
            content_start = pos = 1
        for m in QUOTE_MARK_RE.finditer(text, pos):
            i = m.start()
            role = _mark_role(text, i)
            if depth == 0:
                if role == _CLOSE:
                    continue  # a stray closing mark ('5" layar'): not a quote
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
            if pi + 1 < len(paras) and _continues(paras[pi + 1]):
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
    start = text.rfind(" ", 0, dot) + 1
    word = text[start:dot].lstrip(_QUOTE_CHARS + "(")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True
    return word.lower() in ABBREVIATIONS or _is_degree(word + ".")


def _sentence_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for m in SENTENCE_BOUNDARY_RE.finditer(text, floor, pos):
        if text[m.start()] == "." and _is_abbrev_at(text, m.start()):
            continue
        start = m.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    for m in SENTENCE_END_RE.finditer(text, pos):
        if text[m.start()] == "." and m.end() - m.start() == 1 and _is_abbrev_at(text, m.start()):
            continue
        return m.end()
    return len(text)


def _strip_connectors(s: str) -> str:
    prev = None
    while prev != s:
        prev = s
        s = CONNECTOR_RE.sub("", s).strip(" ,")
        words = s.split(" ", 1)
        if words and words[0].lower() in ADVERBIAL_HEADS and "," in s:
            s = s.split(",", 1)[1].strip()
    return s


def _subject_attr(verb: str, subject: str, *, allow_empty: bool = False) -> _Attr | None:
    """Turn the words before a speech verb into an attribution, if they name a person."""
    subj = _strip_connectors(WS_RE.sub(" ", subject).strip(" ,"))
    subj = TAIL_ADVERB_RE.sub("", subj).strip(" ,")
    if not subj:
        return _Attr(verb, None, False) if allow_empty else None
    if subj.lower() in SUBJECT_PRONOUNS:
        return _Attr(verb, None, True)
    if len(subj.split()) > 16 or subj.split()[0].lower() in NON_PERSON_WORDS:
        return None
    name, title = split_person(subj)
    if name is None and (title is None or _core(title.split()[0]).lower() not in ROLE_HEADS):
        return None
    return _Attr(verb, subj, False)


def _cut_mention(text: str, pos: int) -> tuple[str, int]:
    """The person mention after a verb, up to a stop word, a date, a bracket or the sentence end."""
    out: list[str] = []
    end = pos
    for m in TOKEN_RE.finditer(text, pos):
        tok = m.group()
        if tok[0] in _QUOTE_CHARS or tok[0] == "(":
            break
        core = _core(tok).lower()
        if not core or core in MENTION_STOPS or "/" in core or (core.isdigit() and len(core) > 3):
            break
        out.append(tok)
        end = m.end()
        if tok[-1] in ";!?" or len(out) >= 14:
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
    m = AFTER_SUBJECT_RE.match(text, pos)
    if m:
        attr = _subject_attr(m.group("verb").lower(), m.group("subj"))
        if attr is not None:
            return attr, m.end()
    return None


def _before_attr(text: str, pos: int, floor: int) -> tuple[_Attr, bool] | None:
    """The attribution right before an opening mark, and whether a comma/colon/bahwa leads in."""
    head = text[floor:pos]
    m = BEFORE_VERB_RE.search(head)
    if m:
        verb_at = floor + m.start()
        start = _sentence_start(text, verb_at, floor)
        attr = _subject_attr(m.group("verb").lower(), text[start:verb_at])
        sep = m.group("sep")
        has_sep = "," in sep or ":" in sep or "bahwa" in sep.lower()
        return attr or _Attr(m.group("verb").lower(), None, False), has_sep
    m = BEFORE_PREPOSED_RE.search(head)
    if m:
        verb_at = floor + m.start()
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


def _span_ends_like_speech(content: str) -> bool:
    return bool(content) and content.rstrip()[-1:] in ",.!?…"


def _is_terminal(text: str, end: int) -> bool:
    """Does the sentence or clause stop at the closing mark (no lower-case continuation)?"""
    rest = text[end:].lstrip()
    if not rest or rest[0] in ".!?;:,)—–-" or rest[0] in _QUOTE_CHARS:
        return True
    return not rest[0].islower()


def _at_sentence_start(text: str, pos: int, floor: int) -> bool:
    start = _sentence_start(text, pos, floor)
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
    return [WS_RE.sub(" ", p).strip() if isinstance(p, str) else "" for p in items]


def _direct_candidates(paras: list[str], spans: list[_Span]) -> list[_Candidate]:
    out: list[_Candidate] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        text_open = paras[span.para]
        parts = [span.parts]
        last = span
        attr: _Attr | None = None
        after: tuple[_Attr, int] | None = None
        # A split quote: '"Kami siap," kata Lili, "untuk membantu."'
        while last.closed and i + 1 < len(spans):
            text_close = paras[last.end_para]
            after = _after_attr(text_close, last.end)
            nxt = spans[i + 1]
            if after is None or nxt.para != last.end_para or nxt.start < after[1]:
                break
            lead_in = text_close[last.end : nxt.start].rstrip()
            if lead_in[-1:] not in (",", ":") or text_close[after[1] : nxt.start].strip(" ,:"):
                break
            if attr is None:
                attr = after[0]
            parts.append(nxt.parts)
            last = nxt
            i += 1
        i += 1

        flat = [p for group in parts for p in group]
        cleaned = [_strip_trailing_comma(WS_RE.sub(" ", p)) for p in flat]
        quote_text = " ".join(p for p in cleaned if p)
        if not quote_text or not any(c.isalnum() for c in quote_text):
            continue
        close_text = paras[last.end_para]
        floor = _previous_span_end(spans, span)
        sentence_start = _at_sentence_start(text_open, span.start, floor)
        content_last = WS_RE.sub(" ", flat[-1]).strip()
        content_first = WS_RE.sub(" ", flat[0]).strip()
        terminal = not last.closed or _is_terminal(close_text, last.end)

        if attr is None and last.closed:
            after = _after_attr(close_text, last.end)
            if after is not None and (
                _span_ends_like_speech(content_first if len(parts) == 1 else content_last)
                or sentence_start
            ):
                attr = after[0]
        before = _before_attr(text_open, span.start, floor)
        if before is not None and (terminal or attr is not None):
            b_attr, has_sep = before
            speechlike = (
                has_sep or _span_ends_like_speech(content_last) or _word_count(quote_text) >= 5
            )
            # Prefer whichever names a person: the closing attribution, then the opening one.
            if speechlike and (
                attr is None or (attr.mention is None and b_attr.mention is not None)
            ):
                attr = b_attr
        if attr is None:
            if not (sentence_start and terminal):
                continue
            if _word_count(quote_text) < 3 and quote_text[-1:] not in ".!?":
                continue
        out.append(_Candidate(span.para, span.start, "direct", quote_text, attr))
    return out


def _previous_span_end(spans: list[_Span], span: _Span) -> int:
    """Where the text before `span` in its paragraph begins (after an earlier quote there)."""
    floor = 0
    for other in spans:
        if other is span:
            break
        if other.end_para == span.para and other.end <= span.start:
            floor = other.end
    return floor


def _covered(ranges: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _indirect_candidates(paras: list[str], spans: list[_Span]) -> list[_Candidate]:
    covered: dict[int, list[tuple[int, int]]] = {}
    for span in spans:
        for pi, a, b in span.ranges:
            covered.setdefault(pi, []).append((a, b))
    out: list[_Candidate] = []
    for pi, text in enumerate(paras):
        if not text:
            continue
        ranges = covered.get(pi, [])
        for m in INDIRECT_VERB_RE.finditer(text):
            verb_at = m.start()
            clause_at = m.end()
            if _covered(ranges, verb_at) or clause_at >= len(text):
                continue
            if text[clause_at] in _QUOTE_CHARS:
                continue  # 'Weni mengatakan, "..."' is a direct quote
            floor = max((b for a, b in ranges if b <= verb_at), default=0)
            start = _sentence_start(text, verb_at, floor)
            attr = _subject_attr(m.group("verb").lower(), text[start:verb_at])
            if attr is None:
                continue
            clause = _clause(text, clause_at, ranges)
            if clause:
                out.append(_Candidate(pi, start, "indirect", clause, attr))
        for m in MENURUT_RE.finditer(text):
            verb_at = m.start()
            if _covered(ranges, verb_at):
                continue
            floor = max((b for a, b in ranges if b <= verb_at), default=0)
            start = _sentence_start(text, verb_at, floor)
            if _strip_connectors(text[start:verb_at].strip()):
                continue  # only "Menurut X, ..." at the start of a sentence
            found = _menurut_subject(text, m)
            if found is None:
                continue
            attr, clause_at = found
            if clause_at >= len(text) or text[clause_at] in _QUOTE_CHARS:
                continue
            clause = _clause(text, clause_at, ranges)
            if clause:
                out.append(_Candidate(pi, start, "indirect", clause, attr))
    return out


def _clause(text: str, start: int, ranges: list[tuple[int, int]]) -> str:
    end = _sentence_end(text, start)
    for a, _b in ranges:  # a direct quote inside the sentence ends the reported clause
        if start <= a < end and text[start:a].strip():
            end = min(end, a)
    return _strip_trailing_comma(text[start:end])


def _menurut_subject(text: str, m: re.Match[str]) -> tuple[_Attr, int] | None:
    """The subject of "Menurut X, ..." and where the reported clause starts."""
    verb = (m.group("verb") + (m.group("nya") or "")).lower()
    pos = m.end()
    if m.group("nya"):
        rest = text[pos:]
        stripped = rest.lstrip(" ,")
        if stripped == rest.lstrip(" "):
            return None  # "menurutnya" without a comma is not the lead-in
        return _Attr(verb, None, True), pos + len(rest) - len(stripped)
    # Segments separated by ", ": the subject takes segments until it names a person, then
    # keeps only degrees and appositive names ("Kepala Dinas ..., Dr. H. Ahmad Yani, S.Sos.").
    segs: list[tuple[int, int]] = []
    cursor = pos
    while True:
        comma = text.find(",", cursor)
        if comma < 0:
            break
        segs.append((cursor, comma))
        cursor = comma + 1
        if len(segs) > 8:
            break
    if not segs:
        return None
    subject_end = None
    name_found = False
    for k, (a, b) in enumerate(segs):
        seg = text[a:b].strip()
        if not seg:
            return None
        if k == 0:
            if _sentence_end(text, a) < b:
                return None
            name_found = split_person(seg)[0] is not None
            subject_end = b
            continue
        toks = [t for t in seg.split() if not _is_honorific(t)]
        degree_only = bool(seg) and all(_is_degree(t) for t in seg.split())
        name_like = all(_is_name_token(t) or _is_honorific(t) for t in seg.split())
        if (
            degree_only
            or (toks and _all_name(toks) and len(toks) <= 5)
            or (not name_found and k < 3 and name_like)
        ):
            subject_end = b
            name_found = name_found or split_person(seg)[0] is not None
            continue
        break
    if subject_end is None:
        return None
    subj = text[pos:subject_end].strip(" ,")
    if subj.lower() in PRONOUNS:
        attr: _Attr | None = _Attr(verb, None, True)
    elif subj.split() and subj.split()[0].lower() in NON_PERSON_WORDS:
        attr = None
    else:
        attr = _mention_attr(verb, subj)
    if attr is None:
        return None
    clause_at = subject_end + 1
    while clause_at < len(text) and text[clause_at] == " ":
        clause_at += 1
    return attr, clause_at


class _Speakers:
    """Who spoke last, and the last title seen for each person (for pronouns and -nya)."""

    def __init__(self) -> None:
        self.last: str | None = None
        self.titles: dict[str, str] = {}
        self.names: list[str] = []

    def _canonical(self, name: str) -> str:
        if name in self.names:
            return name
        words = set(name.split())
        fuller = [k for k in self.names if words < set(k.split())]
        if len(fuller) == 1:
            return fuller[0]
        self.names.append(name)
        return name

    def resolve(self, attr: _Attr | None) -> tuple[str | None, str | None]:
        if attr is None:
            return None, None
        if attr.pronoun:
            if self.last is None:
                return None, None
            return self.last, self.titles.get(self.last)
        name, title = split_person(attr.mention)
        if name is None:
            return None, title
        name = self._canonical(name)
        if title:
            self.titles[name] = title
        else:
            title = self.titles.get(name)
        self.last = name
        return name, title


def extract_quotes(paragraphs: Sequence[str] | None) -> list[Quote]:
    """Direct and indirect quotes of an article's body paragraphs, in reading order."""
    paras = _normalize(paragraphs)
    if not any(paras):
        return []
    spans = _scan(paras)
    candidates = _direct_candidates(paras, spans) + _indirect_candidates(paras, spans)
    candidates.sort(key=lambda c: (c.para, c.pos))
    speakers = _Speakers()
    quotes: list[Quote] = []
    for cand in candidates:
        speaker, title = speakers.resolve(cand.attr)
        verb = cand.attr.verb if cand.attr is not None else None
        quotes.append(Quote(cand.text, speaker, title, verb, cand.kind, cand.para))
    return quotes
