"""A seeded generator of bad inputs mixed with good articles, and a run of `accord ingest` over
them: shared by tests/test_fuzz.py (a few hundred) and bench/fuzz.py (10,000).

Each Case is one file: its name (the suffix steers accord's reader), its bytes and the markers
of the good articles inside it. A good article carries a unique marker word ("FZ00042Q"), so a
run can check that each one was stored exactly once whatever became of its container.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import re
import sqlite3
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HUGE_BYTES = 5_000_001  # one byte over accord's limit for one input (read.decode.MAX_BYTES)


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    good: tuple[str, ...] = ()  # the markers of the good articles the file holds


_WHO = ["Ukraine", "Russia", "Turkey", "Qatar", "the European Union", "the United Nations", "Israel", "Egypt", "Sudan's army"]
_PLACE = ["Istanbul", "Geneva", "Doha", "Cairo", "Riyadh", "Vienna", "Jeddah", "Oslo"]
_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SENTENCES = [
    "Delegations from {a} and {b} met in {p} on {d} to discuss a ceasefire along the front line.",
    "Officials said the talks lasted {n} hours and ended without a joint statement.",
    "{a} accused {b} of shelling villages near the border, an accusation it denied.",
    "Mediators from {c} said both sides had agreed to exchange {n} prisoners before the end of the month.",
    "The foreign minister of {a} told reporters that a lasting settlement would take time.",
    "Aid agencies warned that thousands of families still lacked food, water and shelter.",
    "A spokesman for {b} said the government remained ready to continue negotiations in {p}.",
    "Analysts said the meeting was the first direct contact between the two sides in {n} months.",
]
_FOREIGN = [
    "Die Delegationen trafen sich am Freitag in Genf, um über einen Waffenstillstand zu sprechen. Die Gespräche dauerten mehrere Stunden.",
    "Les délégations se sont réunies vendredi à Genève pour discuter d'un cessez-le-feu. Les pourparlers ont duré plusieurs heures.",
    "Делегации встретились в пятницу в Женеве, чтобы обсудить прекращение огня. Переговоры продолжались несколько часов.",
    "各代表团星期五在日内瓦会晤，讨论停火问题。会谈持续了几个小时，双方没有发表联合声明。",
    "التقت الوفود يوم الجمعة في جنيف لبحث وقف إطلاق النار. واستمرت المحادثات عدة ساعات دون بيان مشترك.",
    "Las delegaciones se reunieron el viernes en Ginebra para discutir un alto el fuego. Las conversaciones duraron varias horas.",
]
_BILLION_LAUGHS = "".join(
    f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)
)


class Fuzzer:
    """Makes Cases from one seeded random source; `good_share` of them hold good articles."""

    def __init__(self, seed: int = 0, good_share: float = 0.2):
        self.rng = random.Random(seed)
        self.good_share = good_share
        self.serial = 0
        self.bad: list[Callable[[str], Case]] = [
            getattr(self, name) for name in dir(type(self)) if name.startswith("bad_")
        ]
        self.good: list[Callable[[str], Case]] = [
            getattr(self, name) for name in dir(type(self)) if name.startswith("good_")
        ]

    def cases(self, n: int, huge_every: int = 500) -> Iterator[Case]:
        """Yield `n` cases; one in `huge_every` is an oversized file (they cost 5 MB of disk each)."""
        for i in range(n):
            stem = f"case{i:05d}"
            if huge_every and i % huge_every == huge_every - 1:
                yield self.huge(stem)
            elif self.rng.random() < self.good_share:
                yield self.rng.choice(self.good)(stem)
            else:
                yield self.rng.choice(self.bad)(stem)

    # -- the good: English articles in every container and encoding accord reads --------------

    def article(self) -> tuple[str, str]:
        """A fresh English article (title, text) with a unique marker; returns (marker, text)."""
        self.serial += 1
        marker = f"FZ{self.serial:05d}Q"
        a, b, c = self.rng.sample(_WHO, 3)
        fill = dict(a=a, b=b, c=c, p=self.rng.choice(_PLACE), d=self.rng.choice(_DAY))
        picked = self.rng.sample(_SENTENCES, 5)
        body = " ".join(s.format(n=self.rng.randint(2, 900), **fill) for s in picked)
        return marker, f"{body} The report was filed under reference {marker} by our correspondent."

    def page(self, text: str, charset: str | None = "utf-8") -> str:
        meta = f'<meta charset="{charset}">' if charset else ""
        return (
            f'<!DOCTYPE html><html><head>{meta}<title>Talks in {self.rng.choice(_PLACE)}</title>'
            '<meta property="og:site_name" content="Fuzz Wire"></head><body><nav>Home World Sport</nav>'
            f"<article><h1>Talks resume</h1><p>{text}</p></article><footer>© Fuzz Wire</footer></body></html>"
        )

    def good_text(self, stem: str) -> Case:
        marker, text = self.article()
        return Case(f"{stem}.txt", text.encode(), (marker,))

    def good_html(self, stem: str) -> Case:
        marker, text = self.article()
        return Case(f"{stem}.html", self.page(text).encode(), (marker,))

    def good_windows_1252(self, stem: str) -> Case:
        marker, text = self.article()
        text = text.replace("Officials", "“Officials”").replace(" said ", " said — naïvely — ", 1)
        return Case(f"{stem}.txt", text.encode("cp1252"), (marker,))

    def good_latin_1_page(self, stem: str) -> Case:
        marker, text = self.article()
        return Case(f"{stem}.html", self.page(text + " Café diplomacy, déjà vu.", "iso-8859-1").encode("latin-1"), (marker,))

    def good_utf16(self, stem: str) -> Case:
        marker, text = self.article()
        return Case(f"{stem}.txt", text.encode("utf-16"), (marker,))

    def good_jsonl(self, stem: str) -> Case:
        """Good lines among lines with wrong types."""
        lines, markers = [], []
        for _ in range(self.rng.randint(1, 4)):
            marker, text = self.article()
            markers.append(marker)
            lines.append(json.dumps({"text": text, "url": f"https://fuzz.example/{marker}", "published": "2025-05-24"}))
            lines.append(json.dumps(self.rng.choice(_WRONG_TYPES)))
        return Case(f"{stem}.jsonl", "\n".join(lines).encode(), tuple(markers))

    def good_feed(self, stem: str) -> Case:
        items, markers = [], []
        for _ in range(self.rng.randint(1, 3)):
            marker, text = self.article()
            markers.append(marker)
            items.append(f"<item><title>Talks</title><link>https://fuzz.example/{marker}</link>"
                         f"<pubDate>Sat, 24 May 2025 10:00:00 GMT</pubDate><description>{text}</description></item>")
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Fuzz Desk</title>{"".join(items)}</channel></rss>'
        return Case(f"{stem}.xml", feed.encode(), tuple(markers))

    def good_warc(self, stem: str) -> Case:
        markers, records = [], []
        for _ in range(self.rng.randint(1, 3)):
            marker, text = self.article()
            markers.append(marker)
            records.append(("response", f"https://fuzz.example/{marker}", "text/html; charset=windows-1252",
                            self.page(text + " “Quoted”.", None).encode("cp1252")))
            records.append(("request", f"https://fuzz.example/{marker}", None, b"GET / HTTP/1.1\r\n\r\n"))
        records.append(("response", "https://fuzz.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"))
        return Case(f"{stem}.warc.gz", warc(records, gz=True), tuple(markers))

    # -- the bad -----------------------------------------------------------------------------

    def huge(self, stem: str) -> Case:
        _, text = self.article()
        return Case(f"{stem}.txt", (text + "\n").encode() * (HUGE_BYTES // len(text) + 1))

    def bad_binary(self, stem: str) -> Case:
        data = self.rng.randbytes(self.rng.randint(1, 4000))
        return Case(f"{stem}{self.rng.choice(['.txt', '.html', '.xml', '.jsonl', '.warc', ''])}", data)

    def bad_empty(self, stem: str) -> Case:
        return Case(f"{stem}{self.rng.choice(['.txt', '.html', '.xml', '.jsonl', '.warc.gz'])}",
                    self.rng.choice([b"", b"   \n\t ", b"\xef\xbb\xbf", b"\n" * 100]))

    def bad_truncated_gzip(self, stem: str) -> Case:
        _, text = self.article()
        data = gzip.compress(text.encode(), mtime=0)
        return Case(f"{stem}{self.rng.choice(['.txt', '.gz', '.txt.gz'])}", data[: self.rng.randint(1, len(data) - 1)])

    def bad_truncated_warc(self, stem: str) -> Case:
        _, text = self.article()
        gz = self.rng.random() < 0.5
        data = warc([("request", "https://fuzz.example/cut", None, b"GET / HTTP/1.1\r\n\r\n"),
                     ("response", "https://fuzz.example/cut", "text/html", self.page(text).encode())], gz=gz)
        return Case(f"{stem}.warc{'.gz' if gz else ''}", data[: self.rng.randint(1, len(data) - 1)])

    def bad_broken_html(self, stem: str) -> Case:
        _, text = self.article()
        page = self.page(text)
        broken = self.rng.choice([
            page[: self.rng.randint(1, len(page))],
            "<html><body><div><p></div></body>",
            "<html><body><p>Two words</p></body></html>",
            "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>",
            page.replace("<", "<<").replace(">", ""),
            "<html>" + "<p><b><i>" * 50 + "Read more" + "</html>",
        ])
        return Case(f"{stem}.html", broken.encode())

    def bad_broken_feed(self, stem: str) -> Case:
        _, text = self.article()
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel><item><description>{text}</description></item></channel></rss>'
        broken = self.rng.choice([
            feed[: self.rng.randint(1, len(feed))],
            '<?xml version="1.0"?><rss version="2.0"><channel><title>No items</title></channel></rss>',
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title></entry></feed>',
            '<?xml version="1.0"?><rss><channel><item><description><![CDATA[unclosed',
        ])
        return Case(f"{stem}{self.rng.choice(['.xml', '.rss', '.atom'])}", broken.encode())

    def bad_deep_nesting(self, stem: str) -> Case:
        depth = self.rng.choice([1_000, 20_000, 100_000])
        kind = self.rng.choice(["html", "jsonl", "xml"])
        if kind == "html":
            data = "<html><body>" + "<div>" * depth + "Deep text here." + "</div>" * depth + "</body></html>"
        elif kind == "jsonl":
            data = json.dumps({"text": "x"})[:-1] + ', "extra": ' + "[" * depth + "]" * depth + "}"
        else:
            data = '<?xml version="1.0"?><rss version="2.0"><channel><item><description>' + "<b>" * depth + "deep" + "</b>" * depth + "</description></item></channel></rss>"
        return Case(f"{stem}.{kind}", data.encode())

    def bad_entity_bomb(self, stem: str) -> Case:
        doctype = f"<!DOCTYPE lolz [{_BILLION_LAUGHS}]>"
        if self.rng.random() < 0.5:
            data = f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>'
            return Case(f"{stem}.xml", data.encode())
        return Case(f"{stem}.html", f"{doctype}<html><body><article><p>&lol9; &lol9;</p></article></body></html>".encode())

    def bad_mixed_encodings(self, stem: str) -> Case:
        _, text = self.article()
        a, b = self.rng.sample(["utf-8", "cp1252", "utf-16-le", "koi8-r", "shift_jis"], 2)
        extra = " Zelensky’s “peace” — naïve café. Мир. 平和。"
        data = (text + extra).encode(a, errors="replace") + extra.encode(b, errors="replace")
        return Case(f"{stem}{self.rng.choice(['.txt', '.html', '.jsonl'])}", data)

    def bad_control_characters(self, stem: str) -> Case:
        _, text = self.article()
        chars = list(text)
        for _ in range(self.rng.choice([1, 5, len(chars) // 4])):
            chars.insert(self.rng.randrange(len(chars)), chr(self.rng.choice([0, 1, 7, 8, 11, 27, 127, 0x85, 0x2028])))
        return Case(f"{stem}{self.rng.choice(['.txt', '.html', '.jsonl'])}", "".join(chars).encode())

    def bad_other_language(self, stem: str) -> Case:
        text = " ".join(self.rng.sample(_FOREIGN, 2))
        if self.rng.random() < 0.5:
            return Case(f"{stem}.txt", text.encode())
        return Case(f"{stem}.html", self.page(text).encode())

    def bad_jsonl_types(self, stem: str) -> Case:
        lines = [json.dumps(self.rng.choice(_WRONG_TYPES)) for _ in range(self.rng.randint(1, 6))]
        return Case(f"{stem}.jsonl", "\n".join(lines).encode())


_TEXT = "Delegations met in Geneva on Friday and agreed to exchange prisoners, officials said."
_WRONG_TYPES = [
    {"text": 123}, {"text": None}, {"text": ["a", "list"]}, {"text": {"nested": "dict"}}, [1, 2, 3], "a string",
    42, None, {}, {"text": ""}, {"text": _TEXT, "published": 20250524}, {"text": _TEXT, "published": "not a date"},
    {"text": _TEXT + " Url.", "url": {"href": "x"}}, {"text": _TEXT + " Title.", "title": ["t"]},
    {"text": _TEXT + " Source.", "source": 7}, {"text": _TEXT + " Date.", "published": ["2025-05-24"]},
    {"text": _TEXT + " Bool.", "published": True}, {"text": "\x00\x01\x02"},
]


def warc(records: list[tuple[str, str, str | None, bytes]], gz: bool) -> bytes:
    """A WARC file of (type, target URI, HTTP Content-Type or None, payload) records."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for n, (kind, uri, content_type, payload) in enumerate(records):
        http = None
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), http_headers=http,
            warc_headers_dict={"WARC-Date": "2025-05-24T10:00:00Z",
                               "WARC-Record-ID": f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{uri}#{n}')}>"},
        ))  # fmt: skip
    return out.getvalue()


def write_corpus(directory: Path, n: int, seed: int = 0, huge_every: int = 500) -> list[str]:
    """Write `n` fuzzed files into `directory`; return the markers of the good articles among them."""
    directory.mkdir(parents=True, exist_ok=True)
    good: list[str] = []
    for case in Fuzzer(seed).cases(n, huge_every):
        (directory / case.name).write_bytes(case.data)
        good.extend(case.good)
    return good


@dataclass
class FuzzRun:
    """What one `accord ingest` over a fuzzed corpus did."""

    inputs: int
    good: int  # good articles mixed in
    seconds: float
    exit_code: int
    crashes: list[str]  # the tracebacks (or the abnormal exit) of the run
    reasons: Counter  # rejections by reason, numbers and quoted values folded
    unexplained: list[str]  # rejection lines without a reason
    missing: list[str]  # markers of good articles not stored
    duplicated: list[str]  # markers of good articles stored more than once
    summary: str  # the CLI's closing line


def fuzz_ingest(workdir: Path, n: int, seed: int = 0, huge_every: int = 500) -> FuzzRun:
    """Write `n` fuzzed inputs under `workdir`, run `accord ingest` on them as a subprocess with a
    fresh store, and return what it did."""
    corpus, db = workdir / "corpus", workdir / "fuzz.db"
    good = write_corpus(corpus, n, seed, huge_every)
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", "from accord.cli import main; main()", "ingest", str(corpus), "--db", str(db)],
        capture_output=True, text=True, errors="replace", stdin=subprocess.DEVNULL,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    crashes = run.stderr.split("Traceback (most recent call last):")[1:]
    if run.returncode not in (0, 1) and not crashes:
        crashes = [f"exit code {run.returncode}: {run.stderr[-2000:]}"]
    reasons: Counter[str] = Counter()
    unexplained = []
    for line in run.stderr.splitlines():
        if line.startswith("rejected "):
            _, _, reason = line.partition(": ")
            if reason.strip():
                reasons[_fold(reason)] += 1
            else:
                unexplained.append(line)
    stored: Counter[str] = Counter()
    if db.exists():
        with sqlite3.connect(db) as con:
            for (text,) in con.execute("SELECT text FROM articles"):
                stored.update(set(_MARKER.findall(text)))
    return FuzzRun(
        inputs=n,
        good=len(good),
        seconds=seconds,
        exit_code=run.returncode,
        crashes=[c.strip() for c in crashes],
        reasons=reasons,
        unexplained=unexplained,
        missing=[m for m in good if stored[m] == 0],
        duplicated=[m for m in good if stored[m] > 1],
        summary=(run.stdout.strip().splitlines() or [""])[-1],
    )


_MARKER = re.compile(r"FZ\d{5}Q")


def _fold(reason: str) -> str:
    """A reason with its numbers and quoted values folded, so rejections group by kind."""
    reason = re.sub(r"'[^']*'", "'…'", reason)
    return re.sub(r"\d[\d,.]*", "N", reason)
