"""Near-duplicate detection on a labelled set built from real pages.

Each real article (../shared/eval/article-extraction ground truth and the text of the
page-metadata pages) gets syndication-style copies: other navigation and footer, a
rewritten headline, a paragraph added or removed, truncation to the first 60 %, another
byline. An article and its copies form one gold story; every other pair must not match
(including different articles of one site, which share that site's boilerplate).

    python bench/dedup.py                 # pair precision/recall and ARI, threshold curve
    python bench/dedup.py --scale 100000  # time and peak memory of clustering N articles

The last output line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from collections import Counter, defaultdict
from math import comb
from pathlib import Path
from urllib.parse import urlsplit

from flows.dedup.near import DEFAULT_THRESHOLD, cluster
from flows.dedup.stories import signatures

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"

NAVS = [
    "Home | World | Business | Tech | Markets | Opinion | Video",
    "Skip to content Menu Search Sign in Subscribe News Sport Weather",
    "Latest Politics Economy Science Culture Newsletters Podcasts",
]
FOOTERS = [
    "Related: Markets wrap. Most read: Ten gadgets. Copyright 2024 Example Media Group.",
    "Share this article. Follow us on social media. Terms Privacy Cookies Contact.",
    "Sign up for our daily briefing. Advertisement. All rights reserved.",
]
BYLINES = ["By Staff Reporter", "By Wire Services", "Agence report, edited by the desk"]


def load_pages() -> list[tuple[str, str]]:
    """(site, text) of each real article with enough text to be a story."""
    pages: list[tuple[str, str]] = []
    truth = EVAL / "article-extraction" / "ground-truth.json"
    if truth.exists():
        for item in json.loads(truth.read_text()).values():
            pages.append((urlsplit(item["url"]).hostname or "", item["articleBody"]))
    meta_dir = EVAL / "page-metadata" / "pages"
    if meta_dir.exists():
        from spiders.article import extract_article, read_html

        for page in sorted(meta_dir.iterdir()):
            for source in (page / "source.html", page / "source.html.gz"):
                if source.exists():
                    text = extract_article(read_html(source)).text
                    pages.append((f"readability-{page.name}", text))
    pages = [(s, t) for s, t in pages if len(t.split()) >= 80 and "lorem ipsum" not in t.lower()]
    return _distinct(pages)


def _distinct(pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop pages that are near-copies of an earlier one (the readability test set has
    several variants of one page): the gold labels must not call true duplicates
    different stories."""
    from flows.dedup.near import similarity

    sigs = signatures([t for _, t in pages])
    kept: list[int] = []
    for i, sig in enumerate(sigs):
        if all(similarity(sig, sigs[j]) < 0.2 for j in kept):
            kept.append(i)
    return [pages[i] for i in kept]


def perturb(text: str, kind: str, rng: random.Random, other: str) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()] or [text]
    nav, footer, byline = rng.choice(NAVS), rng.choice(FOOTERS), rng.choice(BYLINES)
    if kind == "boilerplate":
        body = paragraphs
    elif kind == "headline":
        words = paragraphs[0].split()[:12]
        rng.shuffle(words)
        body = [" ".join(words).capitalize(), *paragraphs]
    elif kind == "paragraph":
        if len(paragraphs) > 3 and rng.random() < 0.5:
            drop = rng.randrange(len(paragraphs))
            body = paragraphs[:drop] + paragraphs[drop + 1 :]
        else:
            extra = [p for p in other.split("\n") if p.strip()][:1]
            body = [*paragraphs, *extra]
    elif kind == "truncate":
        words = text.split()
        body = [" ".join(words[: int(len(words) * 0.6)])]
    else:  # byline
        body = paragraphs
    return "\n".join([nav, byline, *body, footer])


KINDS = ["boilerplate", "headline", "paragraph", "truncate", "byline"]


def build_labelled(pages: list[tuple[str, str]], seed: int = 7) -> tuple[dict, dict]:
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    gold: dict[str, str] = {}
    site_boiler = {site: rng.choice(NAVS) + "\n" + rng.choice(BYLINES) for site, _ in pages}
    for i, (site, text) in enumerate(pages):
        story = f"s{i:05d}"
        # The original as its own site prints it: the site's boilerplate on every article.
        texts[f"{story}-0"] = site_boiler[site] + "\n" + text
        gold[f"{story}-0"] = story
        for j, kind in enumerate(KINDS, start=1):
            other = pages[(i + 1) % len(pages)][1]
            texts[f"{story}-{j}"] = perturb(text, kind, rng, other)
            gold[f"{story}-{j}"] = story
    return texts, gold


def pair_scores(pred: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    def pairs(labels: dict[str, str]) -> int:
        return sum(comb(n, 2) for n in Counter(labels.values()).values())

    joint = Counter((pred[k], gold[k]) for k in gold)
    tp = sum(comb(n, 2) for n in joint.values())
    pred_pairs, gold_pairs = pairs({k: pred[k] for k in gold}), pairs(gold)
    n = len(gold)
    expected = pred_pairs * gold_pairs / comb(n, 2)
    maximum = (pred_pairs + gold_pairs) / 2
    ari = (tp - expected) / (maximum - expected) if maximum != expected else 1.0
    return {
        "pair_precision": tp / pred_pairs if pred_pairs else 1.0,
        "pair_recall": tp / gold_pairs if gold_pairs else 1.0,
        "ari": ari,
    }


def peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def run_quality(pages: list[tuple[str, str]]) -> dict:
    texts, gold = build_labelled(pages)
    ids = sorted(texts)
    sigs = dict(zip(ids, signatures([texts[i] for i in ids], expected=len(ids)), strict=True))
    curve = []
    for threshold in (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8):
        scores = pair_scores(cluster(sigs, threshold=threshold), gold)
        curve.append({"threshold": threshold, **{k: round(v, 4) for k, v in scores.items()}})
        print(json.dumps(curve[-1]), file=sys.stderr)
    chosen = next(c for c in curve if c["threshold"] == DEFAULT_THRESHOLD)
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    assignment = cluster(sigs, threshold=DEFAULT_THRESHOLD)
    for key in ids:
        story, j = key.rsplit("-", 1)
        if j != "0":
            kind = KINDS[int(j) - 1]
            per_kind[kind][0] += assignment[key] == assignment[f"{story}-0"]
            per_kind[kind][1] += 1
    return {
        **{k: chosen[k] for k in ("pair_precision", "pair_recall", "ari")},
        "threshold": DEFAULT_THRESHOLD,
        "pages": len(pages),
        "articles": len(texts),
        "recall_by_perturbation": {k: round(a / b, 4) for k, (a, b) in per_kind.items()},
        "curve": curve,
    }


def run_scale(pages: list[tuple[str, str]], n: int, workers: int) -> dict:
    def generate():  # streamed: 100k texts at ~5 kB would otherwise sit in memory
        rng = random.Random(11)
        for i in range(n):
            text = pages[i % len(pages)][1]
            yield perturb(text, rng.choice(KINDS), rng, pages[(i * 7 + 1) % len(pages)][1])

    ids = [f"a{i:08d}" for i in range(n)]
    started = time.perf_counter()
    sigs = dict(zip(ids, signatures(generate(), workers=workers, expected=n), strict=True))
    signed = time.perf_counter()
    assignment = cluster(sigs)
    finished = time.perf_counter()
    seconds = finished - started
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "signature_seconds": round(signed - started, 2),
        "cluster_seconds": round(finished - signed, 2),
        "clusters": len(set(assignment.values())),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "workers": workers,
        "extrapolated_1m_seconds": round(seconds * 1_000_000 / n, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=0, help="cluster N generated articles")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    pages = load_pages()
    if not pages:
        print(json.dumps({"skipped": f"no evaluation pages under {EVAL}"}))
        return 0
    quality = run_quality(pages)
    result = {k: v for k, v in quality.items() if k != "curve"}
    if args.scale:
        result.update(run_scale(pages, args.scale, args.workers))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
