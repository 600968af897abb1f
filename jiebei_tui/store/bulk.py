"""Many changes written together, each file once: an import, the benchmarks' heavy folder, a habit check-in
with its progress index. These raise on failure instead of keeping the change in memory; a screen's save that
uses them falls back to ``put`` (``store/habits.py``)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from jiebei_tui.store.partitions import PartitionFiles
from jiebei_tui.store.tables import TableSpec, spec_for


class BulkWrites:
    """Mixed into :class:`jiebei_tui.store.store.Store`, whose lock, files and save count it uses."""

    _disk: PartitionFiles
    _saves: int
    locked: Callable[[], AbstractContextManager[None]]
    _key_for_put: Callable[[TableSpec, str, Mapping[str, Any], str | None], str | None]

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Many changes, each file written once at the end (import, benchmarks). Raises instead of queueing."""
        with self.locked():
            self._disk.begin_batch()
            try:
                yield
            except BaseException:
                self._disk.abandon_batch()
                raise
            self._disk.commit_batch()

    def put_many(self, table: str, docs: Mapping[str, Mapping[str, Any]], *, period: str | None = None) -> None:
        """Save many documents at once (import); raises instead of queueing."""
        self._saves += 1
        spec = spec_for(table)
        with self.bulk():
            for doc_id, doc in docs.items():
                body = {k: v for k, v in doc.items() if k != "id"}
                self._disk.stage(spec, self._key_for_put(spec, doc_id, body, period), doc_id, body)

    def stage(self, table: str, doc_id: str, doc: Mapping[str, Any], *, period: str | None = None) -> None:
        """Inside ``bulk()``: add one document to the batch."""
        self._saves += 1
        spec = spec_for(table)
        body = {k: copy.deepcopy(v) for k, v in doc.items() if k != "id"}
        self._disk.stage(spec, self._key_for_put(spec, doc_id, body, period), doc_id, body)
