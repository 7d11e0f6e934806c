"""The cost of an idle scheduled run: with Prefect running and nothing new at the
sources, how long the `pipeline` flow takes beyond an empty flow's own overhead
(conditional feed requests answer 304, nothing is re-extracted).

    python bench/idle_run.py [--articles 200]

Last output line: {"idle_flow_seconds", "empty_flow_seconds", "idle_work_seconds", ...}.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    from prefect_overhead import bench_env, prefect_env

    tmp = Path(tempfile.mkdtemp(prefix="ainews-idle-"))
    prefect_env(tmp)

    from prefect import flow
    from synthetic_site import SyntheticSite

    from flows.pipeline import pipeline

    @flow(name="empty")
    def empty() -> None:
        return None

    with SyntheticSite(args.articles) as site:
        sources = tmp / "sources.toml"
        sources.write_text(site.sources_toml())
        bench_env(tmp / "data", sources)
        empty()  # start the server
        pipeline(since=None)  # the first run fetches everything
        started = time.perf_counter()
        empty()
        empty_seconds = time.perf_counter() - started
        started = time.perf_counter()
        result = pipeline(since=None)
        idle_seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "idle_flow_seconds": round(idle_seconds, 2),
                "empty_flow_seconds": round(empty_seconds, 2),
                "idle_work_seconds": round(idle_seconds - empty_seconds, 2),
                "new_deals": len(result["new_deals"]),
                "articles": result["totals"]["articles"],
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
