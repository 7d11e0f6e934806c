"""Two processes: writers exclude each other; readers never block a writer or fail."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.warehouse.rows import article
from warehouse import Warehouse, WarehouseBusyError
from warehouse.loads import upsert

ROOT = Path(__file__).resolve().parents[2]


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(path: Path, proc: subprocess.Popen[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"helper exited early: {proc.communicate()}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("helper did not get ready in time")
        time.sleep(0.05)


HOLD_WRITER = """
    import sys, time
    from pathlib import Path
    from warehouse import Warehouse
    from warehouse.loads import upsert
    db, ready, go = map(Path, sys.argv[1:4])
    with Warehouse(db, lock_timeout=5).writer() as w:
        with w.transaction() as con:
            upsert(con, "sources", [{"name": "held", "kind": "feed", "urls": ["http://127.0.0.1/f"]}],
                   key=["name"])
        ready.touch()
        while not go.exists():
            time.sleep(0.05)
"""


def test_second_writer_fails_with_a_clear_message_while_the_first_writes(
    warehouse: Warehouse, tmp_path: Path
):
    ready, go = tmp_path / "ready", tmp_path / "go"
    holder = _spawn(HOLD_WRITER, str(warehouse.db_path), str(ready), str(go))
    try:
        _wait_for(ready, holder)
        impatient = Warehouse(warehouse.db_path, lock_timeout=0.3)
        with pytest.raises(WarehouseBusyError) as err, impatient.writer():
            pass
        assert f"pid {holder.pid}" in str(err.value)
        assert "AINEWS_LOCK_TIMEOUT_SECONDS" in str(err.value)
    finally:
        go.touch()
        assert holder.wait(timeout=30) == 0, holder.communicate()


def test_second_writer_waits_for_the_first_and_both_writes_survive(
    warehouse: Warehouse, tmp_path: Path
):
    ready, go = tmp_path / "ready", tmp_path / "go"
    holder = _spawn(HOLD_WRITER, str(warehouse.db_path), str(ready), str(go))
    _wait_for(ready, holder)
    # Let the holder finish shortly after we start waiting on the lock.
    releaser = _spawn("import time, sys; time.sleep(0.5); open(sys.argv[1], 'w').close()", str(go))
    patient = Warehouse(warehouse.db_path, lock_timeout=30)
    with patient.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(1)], key=["article_id"])
    assert holder.wait(timeout=30) == 0, holder.communicate()
    releaser.wait(timeout=10)
    with warehouse.reader() as con:
        assert con.execute("SELECT name FROM sources").fetchall() == [("held",)]
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_killed_writer_releases_the_lock_and_loses_only_its_open_transaction(
    warehouse: Warehouse, tmp_path: Path
):
    script = """
        import os, signal, sys
        from pathlib import Path
        from warehouse import Warehouse
        from warehouse.loads import upsert
        sys.path.insert(0, ".")
        from tests.warehouse.rows import article
        with Warehouse(Path(sys.argv[1])).writer() as w:
            with w.transaction() as con:
                upsert(con, "articles", [article(1)], key=["article_id"])
            w.con.execute("BEGIN TRANSACTION")
            upsert(w.con, "articles", [article(2)], key=["article_id"])
            os.kill(os.getpid(), signal.SIGKILL)
    """
    proc = _spawn(script, str(warehouse.db_path))
    assert proc.wait(timeout=60) == -9
    with Warehouse(warehouse.db_path, lock_timeout=1).writer() as w:
        ids = w.con.execute("SELECT article_id FROM articles ORDER BY 1").fetchall()
    assert ids == [("a0001",)]


READER = """
    import sys, time, duckdb
    from pathlib import Path
    db, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    con = duckdb.connect(db, read_only=True)
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    ready.touch()
    while not go.exists():
        time.sleep(0.05)
    # The open connection keeps its snapshot; reconnecting shows the newly published copy
    # (DuckDB shares one instance per path within a process, so close the old one first).
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    con.close()
    print(duckdb.connect(db, read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0])
"""


def test_open_reader_and_publishing_writer_both_succeed(warehouse: Warehouse, tmp_path: Path):
    with warehouse.writer() as w, w.transaction() as con:
        upsert(con, "articles", [article(i) for i in range(3)], key=["article_id"])
    ready, go = tmp_path / "ready", tmp_path / "go"
    reader = _spawn(READER, str(warehouse.db_path), str(ready), str(go))
    try:
        _wait_for(ready, reader)
        with Warehouse(warehouse.db_path, lock_timeout=1).writer() as w, w.transaction() as con:
            upsert(con, "articles", [article(i) for i in range(3, 10)], key=["article_id"])
    finally:
        go.touch()
    out, err = reader.communicate(timeout=30)
    assert reader.returncode == 0, err
    assert out.split() == ["3", "3", "10"]
