"""The warehouse on disk: one private working file, one published read-only copy.

DuckDB lets a single process hold a file while it writes, and any reader's lock also
blocks that writer. So the pipeline never writes the file analysts open:

* ``<name>.work.duckdb`` is the working file. Only the holder of ``<name>.lock`` (an
  OS-level lock, released even if the holder is SIGKILLed) opens it.
* ``<name>.duckdb`` is the published copy. After a writer commits, it checkpoints, copies
  the working file to a temporary name and ``os.replace``s it over the published copy.
  Readers that have the old copy open keep their snapshot (they hold the old inode); new
  readers see the new one; no reader ever blocks a writer.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from warehouse.errors import DatabaseMissingError, WarehouseBusyError
from warehouse.migrations import migrate


class Writer:
    """A writer's connection to the working file, with explicit transactions."""

    def __init__(self, con: duckdb.DuckDBPyConnection, warehouse: Warehouse) -> None:
        self.con = con
        self.warehouse = warehouse

    def publish(self) -> None:
        """Checkpoint and atomically replace the published copy with the working file.
        Safe mid-run: committed work becomes visible to readers, nothing else."""
        self.con.execute("CHECKPOINT")
        self.warehouse._publish()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Commit everything done inside the block, or nothing if it raises."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")


class Warehouse:
    def __init__(self, db_path: Path, lock_timeout: float = 30.0) -> None:
        self.db_path = Path(db_path)
        self.lock_timeout = lock_timeout

    @property
    def working_path(self) -> Path:
        return self.db_path.with_name(self.db_path.stem + ".work.duckdb")

    @property
    def lock_path(self) -> Path:
        return self.db_path.with_name(self.db_path.name + ".lock")

    @property
    def _holder_path(self) -> Path:
        return self.db_path.with_name(self.db_path.name + ".lock.holder")

    @contextlib.contextmanager
    def writer(self, publish: bool = True) -> Iterator[Writer]:
        """Hold the writer lock, open the migrated working file, publish when the block ends.

        If the block raises, nothing is published: readers keep the last good copy, and
        whatever the block committed stays in the working file for the next run.
        """
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(self.lock_path), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise WarehouseBusyError(
                f"another ainews process ({self._describe_holder()}) is writing "
                f"{self.db_path} and did not finish within {self.lock_timeout:g} s; "
                "wait for it to end, or raise AINEWS_LOCK_TIMEOUT_SECONDS"
            ) from None
        try:
            self._holder_path.write_text(f"pid {os.getpid()} since {time.strftime('%FT%TZ')}")
            self._bootstrap_working_file()
            con = duckdb.connect(str(self.working_path))
            try:
                migrate(con)
                writer = Writer(con, self)
                yield writer
                if publish:
                    writer.publish()
            finally:
                con.close()
        finally:
            with contextlib.suppress(FileNotFoundError):
                self._holder_path.unlink()
            lock.release()

    @contextlib.contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A read-only connection to the published copy; writes fail inside DuckDB."""
        if not self.db_path.exists():
            raise DatabaseMissingError(
                f"no database at {self.db_path}: run `ainews init` (or `make run`) first, "
                "or pass --db PATH"
            )
        con = duckdb.connect(str(self.db_path), read_only=True)
        try:
            yield con
        finally:
            con.close()

    def init(self) -> None:
        """Create or migrate the database and publish it."""
        with self.writer():
            pass

    def _bootstrap_working_file(self) -> None:
        # A published copy without a working file (deleted, or a DB copied from elsewhere)
        # is the best state there is: continue from it instead of starting empty.
        if not self.working_path.exists() and self.db_path.exists():
            shutil.copyfile(self.db_path, self.working_path)
            os.chmod(self.working_path, 0o644)

    def _publish(self) -> None:
        wal = self.working_path.with_name(self.working_path.name + ".wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise RuntimeError(f"{wal} was not checkpointed; refusing to publish a partial copy")
        # Only the lock holder calls this, right after CHECKPOINT: nothing writes the
        # working file while it is copied.
        tmp = self.db_path.with_name(f".{self.db_path.name}.{os.getpid()}.tmp")
        try:
            shutil.copyfile(self.working_path, tmp)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            # Read-only on disk too: the published copy is replaced on every run, so a
            # change made to it would be lost anyway.
            os.chmod(tmp, 0o444)
            os.replace(tmp, self.db_path)
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def _describe_holder(self) -> str:
        try:
            return self._holder_path.read_text().strip() or "unknown pid"
        except OSError:
            return "unknown pid"
