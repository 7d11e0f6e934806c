"""Article body extraction scored with the Zyte article-extraction benchmark's metric on
the 181 real pages of ../shared/eval/article-extraction.

Metric (as the benchmark defines it): lower-case word tokens, shingles of 4 tokens; per
page, matched / extra / missing shingles are scaled to sum to 1; precision and recall
are means over pages; F1 from those two means. Our output comes from `ainews extract
--jsonl` (one process for all pages); the baseline is trafilatura's plain
`extract()` run in this process on the same pages.

    python bench/body_f1.py [--eval-dir ../shared/eval/article-extraction]

The last output line is a JSON object: f1, precision, recall, baseline_f1, ...
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    toks = tokens(text)
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def page_scores(expected: str, predicted: str) -> tuple[float, float]:
    gold, pred = shingles(expected), shingles(predicted)
    tp = sum((gold & pred).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def score(truth: dict[str, dict], predicted: dict[str, str]) -> dict[str, float]:
    pairs = [
        page_scores(item["articleBody"], predicted.get(key, "")) for key, item in truth.items()
    ]
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": round(f1, 4), "precision": round(precision, 4), "recall": round(recall, 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval" / "article-extraction"
    )
    args = parser.parse_args()
    truth_file = args.eval_dir / "ground-truth.json"
    if not truth_file.exists():
        print(json.dumps({"skipped": f"no evaluation data at {args.eval_dir}"}))
        return 0
    truth = json.loads(truth_file.read_text())
    files = [args.eval_dir / "html" / f"{key}.html.gz" for key in truth]

    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "ainews.cli", "extract", *map(str, files), "--jsonl"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout
    ours_seconds = time.perf_counter() - started
    ours = {}
    for line in out.splitlines():
        row = json.loads(line)
        ours[Path(row["file"]).name.removesuffix(".html.gz")] = row["text"] or ""

    import trafilatura

    started = time.perf_counter()
    baseline = {
        key: trafilatura.extract(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
        or ""
        for key, path in zip(truth, files, strict=True)
    }
    baseline_seconds = time.perf_counter() - started

    result = score(truth, ours)
    base = score(truth, baseline)
    result.update(
        {
            "baseline_f1": base["f1"],
            "baseline_precision": base["precision"],
            "baseline_recall": base["recall"],
            "pages": len(truth),
            "pages_per_second": round(len(truth) / ours_seconds, 1),
            "baseline_pages_per_second": round(len(truth) / baseline_seconds, 1),
        }
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
