"""`accord eval findings DIR`: findings and stories against planted groups of articles.

DIR holds one YAML file per group (tests/data/findings/README.md): articles reporting one
event, the findings a careful reader would report and near-misses that must give none.
Every group is ingested together into a new SQLite store, as `accord ingest` would, so the
story clusterer also sees the other groups. A found finding matches a planted one of the
same kind when its evidence overlaps the planted evidence in as many articles as the
planted finding names (two at most); each planted finding is matched once.
"""

from __future__ import annotations

import tempfile
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

import yaml

from ..errors import AccordError, InputRejected
from ..model import Analysis, Article
from ..read import make_article
from ..store import Store
from ..store.queries import findings as stored_findings
from ..store.queries import stories as stored_stories
from ..store.stories import StoryBook


def load_groups(path: Path) -> list[dict]:
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files:
        raise AccordError(f"no group files (*.yaml) in {path}")
    groups = []
    for file in files:
        try:
            group = yaml.safe_load(file.read_text(encoding="utf-8"))
        except yaml.YAMLError as err:
            raise AccordError(f"{file}: not YAML ({err})") from None
        if not isinstance(group, dict) or not isinstance(group.get("articles"), list):
            raise AccordError(f"{file}: expected a mapping with a list of articles")
        group["file"] = file.stem
        groups.append(group)
    return groups


def _articles(groups: list[dict]) -> tuple[list[Article], dict[str, tuple[str, str]]]:
    """Every group's articles, and article id -> (group, name)."""
    articles, names = [], {}
    for g in groups:
        for a in g["articles"]:
            try:
                article = make_article(a["text"], f"{g['file']}/{a['name']}", source=a.get("source"),
                                       title=a.get("title"), published=_iso(a.get("published")))  # fmt: skip
            except InputRejected as err:
                raise AccordError(f"{g['file']}/{a['name']}: {err.reason}") from None
            articles.append(article)
            names[article.id] = (g["file"], a["name"])
    return articles, names


def _iso(value) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def evaluate_findings(path: Path, pipeline) -> dict:
    groups = load_groups(path)
    articles, names = _articles(groups)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "eval.db") as store:
            book = StoryBook(store)
            texts = {}
            for item in pipeline.stream(articles):
                if not isinstance(item, Analysis):
                    raise AccordError(f"{item.origin}: {item.reason}")
                texts[item.article.id] = item.article.text
                if store.save(item):
                    book.place(item.article.id)
            book.refresh()
            found = stored_findings(store)
            stories = stored_stories(store)
    gold = _gold(groups, articles)
    scores = _score(found, gold, names)
    scores["stories"] = _stories(stories, names, groups)
    scores["story_pair_precision"] = scores["stories"]["pair_precision"]
    scores["story_pair_recall"] = scores["stories"]["pair_recall"]
    scores["groups"], scores["articles"] = len(groups), len(articles)
    return scores


def _gold(groups: list[dict], articles: list[Article]) -> list[dict]:
    by_name = {(a.origin.split("/")[0], a.origin.split("/")[1]): a for a in articles}
    planted = []
    for g in groups:
        for n, f in enumerate(g.get("findings") or []):
            spans = []
            for name in f["articles"]:
                article = by_name[(g["file"], name)]
                for words in f["evidence"]:
                    at = article.text.find(words)
                    while at >= 0:
                        spans.append((article.id, at, at + len(words)))
                        at = article.text.find(words, at + 1)
            planted.append({"id": f"{g['file']}#{n}", "kind": f["kind"], "severity": f.get("severity"),
                            "articles": len(set(f["articles"])), "spans": spans})  # fmt: skip
    return planted


def _overlaps(found: dict, gold: dict) -> int:
    """In how many articles the found evidence overlaps the planted evidence."""
    hit = set()
    for e in found["evidence"]:
        for article, start, end in gold["spans"]:
            if e["article"] == article and e["start"] < end and start < e["end"]:
                hit.add(article)
    return len(hit)


def _score(found: list[dict], gold: list[dict], names: dict) -> dict:
    kinds = sorted({g["kind"] for g in gold} | {f["kind"] for f in found})
    matched_gold: dict[str, dict] = {}
    false = []
    for f in found:
        best = None
        for g in gold:
            if g["id"] in matched_gold or g["kind"] != f["kind"]:
                continue
            if _overlaps(f, g) >= min(2, g["articles"]):
                best = g
                break
        if best:
            matched_gold[best["id"]] = f
        else:
            false.append(f)
    per_kind = {}
    for kind in kinds:
        tp = sum(1 for g in gold if g["kind"] == kind and g["id"] in matched_gold)
        n_gold = sum(1 for g in gold if g["kind"] == kind)
        n_found = sum(1 for f in found if f["kind"] == kind)
        per_kind[kind] = {
            "precision": tp / n_found if n_found else 1.0, "recall": tp / n_gold if n_gold else 1.0,
            "gold": n_gold, "found": n_found, "matched": tp,
        }  # fmt: skip
    severity = sum(1 for g in gold if g["id"] in matched_gold and _severity_ok(g["severity"], matched_gold[g["id"]]["severity"]))
    tp = len(matched_gold)
    return {
        "per_kind": per_kind,
        "precision": tp / len(found) if found else 1.0,
        "recall": tp / len(gold) if gold else 1.0,
        "severity_agreement": severity / tp if tp else 1.0,
        "found": len(found), "gold": len(gold),
        "misses": [g["id"] + f" ({g['kind']})" for g in gold if g["id"] not in matched_gold],
        "false": [_describe(f, names) for f in false],
    }  # fmt: skip


def _severity_ok(gold: str | None, found: str) -> bool:
    return gold is None or found in gold.replace(",", " ").split()


def _describe(f: dict, names: dict) -> str:
    where = sorted({"/".join(names.get(e["article"], ("?", "?"))) for e in f["evidence"]})
    return f"{f['kind']} [{f['severity']}] in {', '.join(where)}: " + " | ".join(e["text"][:50] for e in f["evidence"])


def _stories(stories: list[dict], names: dict, groups: list[dict]) -> dict:
    """Pairwise precision and recall of "same story" against the groups, and copies found."""
    found_pairs, gold_pairs = set(), set()
    for s in stories:
        found_pairs |= {tuple(sorted(p)) for p in combinations([a["id"] for a in s["articles"]], 2)}
    by_group = defaultdict(list)
    for article, (group, _) in names.items():
        by_group[group].append(article)
    for members in by_group.values():
        gold_pairs |= {tuple(sorted(p)) for p in combinations(members, 2)}
    tp = len(found_pairs & gold_pairs)
    copies_gold = {(g["file"], a["name"]): a["copy_of"] for g in groups for a in g["articles"] if a.get("copy_of")}
    copies_found = Counter()
    for s in stories:
        for a in s["articles"]:
            group, name = names[a["id"]]
            if a["copy_of"]:
                right = copies_gold.get((group, name)) == names.get(a["copy_of"], ("", ""))[1]
                copies_found["right" if right else "wrong"] += 1
    return {
        "stories": len(stories), "groups": len(by_group),
        "pair_precision": tp / len(found_pairs) if found_pairs else 1.0,
        "pair_recall": tp / len(gold_pairs) if gold_pairs else 1.0,
        "copies": len(copies_gold), "copies_found": copies_found["right"], "copies_wrong": copies_found["wrong"],
    }  # fmt: skip
