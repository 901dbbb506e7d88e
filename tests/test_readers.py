"""Readers and decoding on real-looking inputs written to tmp_path."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
from datetime import date
from pathlib import Path
from typing import BinaryIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sitrep.errors import Code
from sitrep.ingest.decode import DecodeError, decode_bytes
from sitrep.ingest.readers import read_paths
from sitrep.models import RawDocument, ReadFailure

SEEDS = sorted((Path(__file__).parents[1] / "examples" / "seeds").glob("*.txt"))

PARAGRAPHS = [
    "Syrian government troops and allied militias entered the desert town of al-Sukhnah on Saturday after "
    "three days of heavy fighting with Islamic State militants, a military source told reporters in Homs.",
    "The town, about 50 kilometres north-east of Palmyra, was the last major stronghold held by the group "
    "in Homs province and sits on the main road to the besieged city of Deir ez-Zor.",
    "Residents who fled to nearby villages said the bombardment had destroyed dozens of houses along the "
    "eastern edge of the town, and that several families were still unaccounted for on Saturday evening.",
    "The Syrian Observatory for Human Rights, a monitoring group based in Britain, said at least 28 pro-"
    "government fighters and more than 40 militants had been killed since the offensive began on Wednesday.",
    "A spokesman for the United Nations humanitarian office said aid agencies were preparing convoys but "
    "had not yet been given access to the area.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Syrian army enters al-Sukhnah after three-day battle | Levant Daily</title>
  <meta property="og:site_name" content="Levant Daily">
  <meta property="og:title" content="Syrian army enters al-Sukhnah after three-day battle">
  <meta name="description" content="Government troops took control of the desert town on Saturday.">
  <meta name="author" content="Mariam Haddad">
  {date_meta}
  <meta property="article:section" content="Middle East">
  <link rel="canonical" href="https://levantdaily.example/2017/sukhnah-battle">
</head>
<body>
  <header class="site-header">
    <nav class="main-nav"><ul>
      <li><a href="/">Home page</a></li><li><a href="/world">World news desk</a></li>
      <li><a href="/sport">Sport section</a></li><li><a href="/subscribe">Subscribe to our newsletter</a></li>
    </ul></nav>
    <div class="menu">Menu: Politics | Economy | Culture | Weather forecast</div>
  </header>
  <main>
    <article>
      <h1>Syrian army enters al-Sukhnah after three-day battle</h1>
      <p class="byline">By <span class="author">Mariam Haddad</span></p>
      {paragraphs}
    </article>
    <section class="comments" id="comments">
      <h3>Comments</h3>
      <div class="comment"><p>Reader42: The best news I have heard all year, finally some progress.</p></div>
      <div class="comment"><p>Observer: I doubt the casualty figures given here are accurate at all.</p></div>
    </section>
  </main>
  <footer class="site-footer">
    <p>Copyright 2023 Levant Daily Media Group. All rights reserved.</p>
    <p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact the newsroom</a></p>
  </footer>
</body>
</html>
"""
DATE_META = '<meta property="article:published_time" content="2017-08-12T09:30:00+03:00">'
BOILERPLATE = [
    "Subscribe to our newsletter", "Weather forecast", "Privacy policy", "Copyright 2023", "Reader42",
    "doubt the casualty",
]


def news_page(date_meta: str = DATE_META) -> str:
    body = "\n      ".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return NEWS_PAGE.format(date_meta=date_meta, paragraphs=body)


def read(*paths: Path | str, **kwargs) -> list[RawDocument | ReadFailure]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def only(items: list[RawDocument | ReadFailure]) -> RawDocument | ReadFailure:
    assert len(items) == 1, items
    return items[0]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# Plain text


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_articles_arrive_intact(seed: Path) -> None:
    doc = only(read(seed))
    assert isinstance(doc, RawDocument)
    assert doc.text == seed.read_text(encoding="utf-8")
    assert doc.raw_sha256 == sha256(seed.read_bytes())
    assert (doc.format, doc.encoding, doc.title, doc.published) == ("txt", "utf-8", None, None)
    assert doc.provenance.path == str(seed.resolve())


def test_relative_paths_become_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Shelling resumed overnight in eastern Ghouta.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert only(read("a.txt")).provenance.path == os.path.join(str(tmp_path), "a.txt")


@pytest.mark.parametrize(
    ("text", "encoding", "reported"),
    [
        ("Les forces armées ont annoncé mercredi que les combats près de Deir ez-Zor avaient cessé. "
         "« C’est un succès », a déclaré le général à la presse.", "cp1252", "cp1252"),
        ("Die Truppen rückten am Dienstag in die Stadt ein; Bürger flohen über die Brücke nach Süden, "
         "sagte ein Sprecher der Behörden.", "latin-1", "cp1252"),
        ("Żołnierze weszli do miasta we wtorek; mieszkańcy uciekli przez most na południe.",
         "cp1250", "cp1250"),
        ("Российские войска вошли в город во вторник, сообщили местные жители.", "koi8-r", "koi8_r"),
        ("Российские войска вошли в город во вторник, сообщили местные жители.", "cp1251", "cp1251"),
        ("قالت القوات الحكومية إنها سيطرت على المدينة بعد معارك عنيفة استمرت ثلاثة أيام",
         "cp1256", "cp1256"),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path: Path, text: str, encoding: str, reported: str) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert (doc.text, doc.encoding) == (text, reported)
    assert doc.raw_sha256 == sha256(path.read_bytes())


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
    ],
)
def test_byte_order_marks(bom: bytes, codec: str) -> None:
    text = "Beyrouth, 4 août — l’explosion a détruit le port."
    assert decode_bytes(bom + text.encode(codec)) == (text, codec)


def test_line_ends_are_normalised_but_the_hash_covers_the_original_bytes(tmp_path: Path) -> None:
    data = b"Aleppo, 12 May\r\n\r\nFighting resumed on Friday.\rCivilians fled north.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(data)
    doc = only(read(path))
    assert doc.text == "Aleppo, 12 May\n\nFighting resumed on Friday.\nCivilians fled north.\n"
    assert doc.raw_sha256 == sha256(data)


def test_broken_utf8_is_undecodable(tmp_path: Path) -> None:
    good = "Le général a déclaré mercredi que l’armée avait repris la ville après trois jours de combat."
    data = good.encode().replace("déclaré".encode(), b"d\xc3clar\xc3\xa9")
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    failure = only(read(path))
    assert isinstance(failure, ReadFailure)
    assert failure.code is Code.UNDECODABLE
    position = data.index(b"d\xc3c") + 1
    assert failure.message.startswith(f"invalid UTF-8 at byte {position}")


def test_no_legacy_guess_for_too_little_text() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes("Café à Paris".encode("cp1252"))  # cp1252, cp1250, cp1257… all fit
    assert caught.value.code is Code.UNDECODABLE
    assert caught.value.message == "invalid UTF-8 at byte 3"


def test_broken_utf16_is_undecodable() -> None:
    with pytest.raises(DecodeError) as caught:
        decode_bytes(b"\xff\xfeH\x00i\x00!")
    assert caught.value.code is Code.UNDECODABLE
    assert "utf-16" in caught.value.message


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00>\x00",
        "Damascus".encode("utf-16-le"),  # UTF-16 without a BOM is full of NULs
        bytes(range(1, 9)) * 50 + b"some words",
    ],
)
def test_binary_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(data)
    failure = only(read(path))
    assert isinstance(failure, ReadFailure)
    assert failure.code is Code.BINARY
    assert "binary file" in failure.message


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  ", b"\xef\xbb\xbf\n"])
def test_empty_inputs(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    assert only(read(path)).code is Code.EMPTY


def test_missing_path_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rebels shelled the western districts overnight.", encoding="utf-8")
    missing, doc = read(tmp_path / "nope.txt", good)
    assert isinstance(missing, ReadFailure)
    assert missing.code is Code.MISSING_PATH
    assert missing.provenance.path == str(tmp_path / "nope.txt")
    assert isinstance(doc, RawDocument)
    assert doc.text == "Rebels shelled the western districts overnight."


def test_too_large_file_is_refused_and_the_rest_is_read(tmp_path: Path) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("Convoy attacked near Idlib. " * 20, encoding="utf-8")
    small.write_text("Ceasefire holds in Daraa.", encoding="utf-8")
    failure, doc = read(big, small, max_bytes=100)
    assert isinstance(failure, ReadFailure)
    assert failure.code is Code.TOO_LARGE
    assert "560 bytes" in failure.message and "100-byte limit" in failure.message
    assert isinstance(doc, RawDocument) and doc.text == "Ceasefire holds in Daraa."


def test_symlink_loop_is_unreadable_in_a_walk_and_alone(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    walked, alone = read(tmp_path, loop)
    for failure in (walked, alone):
        assert isinstance(failure, ReadFailure)
        assert failure.code is Code.UNREADABLE
        assert "symbolic links" in failure.message
        assert failure.provenance.path == str(loop)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Curfew imposed in Homs.", encoding="utf-8")
    path.chmod(0)
    try:
        failure = only(read(path))
    finally:
        path.chmod(0o600)
    assert failure.code is Code.UNREADABLE
    assert "ermission" in failure.message


# HTML


def test_news_page_extraction(tmp_path: Path) -> None:
    path = tmp_path / "sukhnah.html"
    path.write_text(news_page(), encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.title == "Syrian army enters al-Sukhnah after three-day battle"
    assert doc.author == "Mariam Haddad"
    assert doc.published == date(2017, 8, 12)
    assert doc.outlet == "Levant Daily"
    assert doc.url == "https://levantdaily.example/2017/sukhnah-battle"
    assert doc.metadata["description"] == "Government troops took control of the desert town on Saturday."
    assert doc.metadata["categories"] == ["Middle East"]
    for paragraph in PARAGRAPHS:
        assert paragraph in doc.text
    for noise in BOILERPLATE:
        assert noise not in doc.text
    assert doc.raw_sha256 == sha256(path.read_bytes())


def test_page_without_a_stated_date_gets_none(tmp_path: Path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(news_page(date_meta=""), encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert doc.published is None  # not 2023-01-01 from the copyright line
    assert PARAGRAPHS[0] in doc.text


def test_page_without_an_article(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text(
        '<html><head><title>Loading</title><script src="/app.js"></script></head>'
        '<body><div id="root"></div><script>window.start()</script></body></html>'
    )
    failure = only(read(path))
    assert isinstance(failure, ReadFailure)
    assert failure.code is Code.NO_ARTICLE


def test_cp1252_page(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Les forces gouvernementales ont repris la ville de Deir ez-Zor mercredi après des combats "
        f"acharnés, a déclaré le général {n}. « C’est une étape décisive », a-t-il ajouté.</p>"
        for n in range(4)
    )
    page = f"<html><head><title>Deir ez-Zor</title></head><body><article>{paragraphs}</article></body></html>"
    path = tmp_path / "fr.html"
    path.write_bytes(page.encode("cp1252"))
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert doc.encoding == "cp1252"
    assert "acharnés, a déclaré le général 0. « C’est une étape décisive »" in doc.text


# JSONL


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    article = "Two car bombs exploded in the centre of Homs on Tuesday, killing at least 12 people."
    good = {"id": "a1", "outlet": "SANA", "url": "https://sana.example/1", "title": "Homs blasts",
            "published": "2017-02-21", "text": article, "source_category": "state", "label": 1}
    crlf = {"id": 8, "published": "2017-02-22T08:15:00+02:00", "text": "Line one.\r\nLine two.", "url": None}
    lines = [
        json.dumps(good).encode(),
        b"",
        b'{"id": "a2", "title": "broken',
        b"[1, 2, 3]",
        json.dumps({"id": "a4", "title": "No body here"}).encode(),
        b'{"id": "a5", "text": "Caf\xe9 bombed"}',
        json.dumps({"id": "a6", "title": 7, "text": article}).encode(),
        json.dumps({"id": "a7", "published": "last Tuesday", "text": article}).encode(),
        b"   ",
        json.dumps(crlf).encode(),
        json.dumps({"id": "a9", "text": "   ", "html": ""}).encode(),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = read(path)
    assert [(item.provenance.line, getattr(item, "code", None)) for item in items] == [
        (1, None),
        (3, Code.BAD_JSON),
        (4, Code.BAD_RECORD),
        (5, Code.NO_TEXT),
        (6, Code.UNDECODABLE),
        (7, Code.BAD_RECORD),
        (8, Code.BAD_RECORD),
        (10, None),
        (11, Code.NO_TEXT),
    ]
    first, bad_json, not_object, _, bad_bytes, bad_type, bad_date, second, _ = items
    assert (first.title, first.outlet, first.url) == ("Homs blasts", "SANA", "https://sana.example/1")
    assert first.published == date(2017, 2, 21)
    assert first.text == article and first.format == "jsonl"
    assert first.metadata == {"id": "a1", "source_category": "state", "label": 1}
    assert first.raw_sha256 == sha256(lines[0])
    assert first.provenance.path == str(path)
    assert "Unterminated string" in bad_json.message
    assert "JSON object" in not_object.message and "array" in not_object.message
    assert bad_bytes.message == "invalid UTF-8 at byte %d" % lines[5].index(b"\xe9")
    assert "'title'" in bad_type.message
    assert "last Tuesday" in bad_date.message
    assert second.published == date(2017, 2, 22)
    assert second.text == "Line one.\nLine two."
    assert second.metadata == {"id": 8}


def test_jsonl_html_record_fields_override_the_page(tmp_path: Path) -> None:
    record = {"id": "w1", "outlet": "Levant Daily (archive)", "title": None, "published": "2017-08-13",
              "html": news_page(), "desk": "Beirut"}
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    doc = only(read(path))
    assert isinstance(doc, RawDocument)
    assert doc.outlet == "Levant Daily (archive)"
    assert doc.published == date(2017, 8, 13)
    assert doc.title == "Syrian army enters al-Sukhnah after three-day battle"
    assert doc.author == "Mariam Haddad"
    assert PARAGRAPHS[2] in doc.text and "Privacy policy" not in doc.text
    assert doc.metadata["id"] == "w1" and doc.metadata["desk"] == "Beirut"
    assert doc.metadata["description"].startswith("Government troops")


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    short = json.dumps({"text": "Airstrike on Raqqa."})
    long = json.dumps({"text": "Airstrike on Raqqa. " * 30})
    path = tmp_path / "long.jsonl"
    path.write_text(f"{short}\n{long}\n{short}", encoding="utf-8")
    items = read(path, max_bytes=200)
    codes = [(i.provenance.line, getattr(i, "code", None)) for i in items]
    assert codes == [(1, None), (2, Code.TOO_LARGE), (3, None)]
    assert items[2].text == "Airstrike on Raqqa."


def test_jsonl_with_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "windows.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"text": "Shelling in Douma."}\r\n{"text": "Talks in Astana."}\r\n')
    first, second = read(path)
    assert (first.text, second.text) == ("Shelling in Douma.", "Talks in Astana.")
    assert second.raw_sha256 == sha256(b'{"text": "Talks in Astana."}')


def test_jsonl_without_records_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\n", encoding="utf-8")
    failure = only(read(path))
    assert failure.code is Code.EMPTY
    assert failure.provenance.line is None


# WARC


SITE = "https://levantdaily.example"
PAGE = news_page().encode()
CRAWL = [  # url, HTTP status, Content-Type, body, WARC-Date
    (f"{SITE}/2017/sukhnah", "200 OK", "text/html; charset=utf-8", PAGE, "2024-03-01T10:00:00Z"),
    (f"{SITE}/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00", "2024-03-01T10:00:01Z"),
    (f"{SITE}/gone", "404 Not Found", "text/html", b"<p>Page not found</p>", "2024-03-01T10:00:02Z"),
    (f"{SITE}/2017/sukhnah-copy", "200 OK", "text/html", PAGE, "2024-03-01T10:00:03Z"),
]


def write_warc(path: Path, *, compress: bool) -> dict[str, str]:
    """Write a request record then the CRAWL responses; return the record ids by URL."""
    with path.open("wb") as out:
        return write_crawl(out, compress=compress)


def write_crawl(out: BinaryIO, *, compress: bool) -> dict[str, str]:
    """Write a request record then the CRAWL responses to `out`; return the record ids by URL."""
    ids: dict[str, str] = {}
    writer = WARCWriter(out, gzip=compress)
    request = b"GET /2017/sukhnah HTTP/1.1\r\nHost: levantdaily.example\r\n\r\n"
    writer.write_record(writer.create_warc_record(CRAWL[0][0], "request", payload=io.BytesIO(request)))
    for url, status, ctype, body, crawled in CRAWL:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": crawled},
        )
        writer.write_record(record)
        ids[url] = record.rec_headers.get_header("WARC-Record-ID")
    return ids


def record_at(path: Path, offset: int) -> bytes:
    """The first bytes of the WARC record starting at `offset`, decompressed if need be."""
    data = path.read_bytes()[offset:]
    return gzip.GzipFile(fileobj=io.BytesIO(data)).read(400) if path.suffix == ".gz" else data[:400]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    ids = write_warc(path, compress=name.endswith(".gz"))
    first, second = read(path)  # the request, the PNG and the 404 page are not articles
    for doc, url in ((first, f"{SITE}/2017/sukhnah"), (second, f"{SITE}/2017/sukhnah-copy")):
        assert isinstance(doc, RawDocument)
        assert doc.format == "warc"
        assert doc.url == url
        assert doc.provenance.record == ids[url]
        assert doc.published == date(2017, 8, 12)  # the page's date, not the crawl's
        assert doc.title == "Syrian army enters al-Sukhnah after three-day battle"
        assert doc.raw_sha256 == sha256(PAGE)
        assert PARAGRAPHS[1] in doc.text
        head = record_at(path, doc.provenance.offset)
        assert head.startswith(b"WARC/1.") and ids[url].encode() in head
    assert first.metadata["crawled"] == "2024-03-01T10:00:00Z"
    assert second.metadata["crawled"] == "2024-03-01T10:00:03Z"


def test_warc_payload_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    ids = write_warc(path, compress=False)
    items = read(path, max_bytes=1000)  # the file itself is far larger: only records are limited
    assert [getattr(i, "code", None) for i in items] == [Code.TOO_LARGE, Code.TOO_LARGE]
    assert items[0].provenance.record == ids[f"{SITE}/2017/sukhnah"]
    assert "HTTP payload" in items[0].message


def test_truncated_warc_keeps_what_was_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc"
    write_warc(path, compress=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 500])  # cut inside the last HTML response
    doc, failure = read(path)
    assert isinstance(doc, RawDocument) and doc.url == f"{SITE}/2017/sukhnah"
    assert isinstance(failure, ReadFailure)
    assert failure.code is Code.BAD_WARC
    assert "cut short" in failure.message
    assert failure.provenance.path == str(path) and failure.provenance.record is None


def test_warc_record_shorter_than_its_content_length(tmp_path: Path) -> None:
    path = tmp_path / "damaged.warc"
    write_warc(path, compress=False)
    data = path.read_bytes()
    cut = data.index(PARAGRAPHS[0].encode())
    path.write_bytes(data[:cut] + data[cut + 100 :])  # 100 bytes lost inside the first page
    failure = only(read(path))
    assert failure.code is Code.BAD_WARC
    assert "Content-Length" in failure.message


@pytest.mark.parametrize(
    "data",
    [
        b"This is not a web archive at all.\n",
        b"WARC/1.0\r\nWARC-Type: resp",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nabcdefgh",
        gzip.compress(b"no records in here", mtime=0),  # mtime: the same test id in every process
        b"\x1f\x8b\x08\x00 broken gzip",
    ],
)
def test_not_a_warc(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(data)
    assert only(read(path)).code is Code.BAD_WARC


# Directories and sniffing


def test_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".cache").mkdir()
    (tmp_path / "a.txt").write_text("Report A from Aleppo.", encoding="utf-8")
    (tmp_path / "b" / "c" / "page.HTML").write_text(news_page(), encoding="utf-8")
    (tmp_path / "b" / "d.jsonl").write_text(json.dumps({"text": "Report D from Daraa."}), encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "z.txt").write_text("Report Z from Zabadani.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text("cached", encoding="utf-8")
    (tmp_path / "NOTICE").write_text("Texts belong to their outlets.", encoding="utf-8")
    (tmp_path / "README.md").write_text("# Corpus", encoding="utf-8")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    items = read(tmp_path)
    assert [os.path.relpath(i.provenance.path, tmp_path) for i in items] == [
        "a.txt", os.path.join("b", "c", "page.HTML"), os.path.join("b", "d.jsonl"),
        os.path.join("b", "empty.txt"), "z.txt",
    ]
    assert [i.code if isinstance(i, ReadFailure) else i.format for i in items] == [
        "txt", "html", "jsonl", Code.EMPTY, "txt"]


def test_explicit_file_with_another_extension_is_sniffed(tmp_path: Path) -> None:
    notice, page = tmp_path / "NOTICE", tmp_path / "article.php"
    notice.write_text("Texts belong to their outlets.\n", encoding="utf-8")
    page.write_text(news_page(), encoding="utf-8")
    text_doc, html_doc = read(notice, page)
    assert (text_doc.format, text_doc.text) == ("txt", "Texts belong to their outlets.\n")
    assert html_doc.format == "html" and html_doc.published == date(2017, 8, 12)


def test_stdin_jsonl() -> None:
    data = b'\n  {"id": "s1", "text": "Mortar fire hit the old city."}\n{"id": "s2"}\n'
    doc, failure = read("-", stdin=io.BytesIO(data))
    assert (doc.provenance.path, doc.provenance.line, doc.format) == ("<stdin>", 2, "jsonl")
    assert doc.text == "Mortar fire hit the old city." and doc.metadata == {"id": "s1"}
    assert (failure.provenance.line, failure.code) == (3, Code.NO_TEXT)


def test_stdin_html_and_text() -> None:
    page = only(read("-", stdin=io.BytesIO(b"\n" + news_page().encode())))
    assert (page.format, page.provenance.path, page.outlet) == ("html", "<stdin>", "Levant Daily")
    text = "<b> is not a page: a report with a tag in it.\nHoms, 3 June."
    doc = only(read("-", stdin=io.BytesIO(text.encode())))
    assert (doc.format, doc.text) == ("txt", text)


def test_stdin_empty_and_too_large() -> None:
    assert only(read("-", stdin=io.BytesIO(b""))).code is Code.EMPTY
    assert only(read("-", stdin=io.BytesIO(b"Tanks on the road. " * 10), max_bytes=50)).code is Code.TOO_LARGE
