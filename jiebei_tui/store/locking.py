"""The data folder's lock: one writer at a time across sessions, and never in the way of leaving.

A change waits up to :data:`LOCK_TIMEOUT_SECONDS` for another session's write
(each takes milliseconds); after that it is kept in memory and retried. Once the
process is leaving (SIGHUP, SIGTERM, a closed terminal) a wait in progress gives
up within one poll and later attempts try once: whatever cannot be written then
goes to the session's emergency file instead (see ``store.emergency``).
"""

from __future__ import annotations

import time
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

LOCK_TIMEOUT_SECONDS = 5.0
POLL_SECONDS = 0.05


class DataLock:
    """A re-entrant lock on ``jiebei.lock`` (never on a data file: renames swap those)."""

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> None:
        # The lock file itself is opened without following a link (filelock uses O_NOFOLLOW where it can);
        # opening a folder refuses links in it before the first lock anyway.
        self._lock = FileLock(str(path), timeout=timeout, mode=0o600)
        self.timeout = timeout
        self._leaving = False

    def leave(self) -> None:
        """The process is on its way out: stop waiting now, and from here on try once."""
        self._leaving = True

    @property
    def leaving(self) -> bool:
        return self._leaving

    @property
    def is_locked(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        """Raises filelock's Timeout when another session holds it past the timeout (or at once when leaving)."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                self._lock.acquire(timeout=0)
                return
            except Timeout:
                if self._leaving or time.monotonic() >= deadline:
                    raise
            time.sleep(POLL_SECONDS)

    def release(self) -> None:
        self._lock.release()

    def __enter__(self) -> DataLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.release()
