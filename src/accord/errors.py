"""accord's exceptions.

    AccordError
    ├── InputRejected        an input cannot be analysed (empty, binary, not English, ...)
    ├── KnowledgeBaseError   a knowledge-base file is malformed (names the file and line)
    └── StoreError           the database cannot be opened or migrated
        └── StoreBusy        another ingest is writing to the database
"""


class AccordError(Exception):
    """Base class: every error accord raises on purpose."""


class InputRejected(AccordError):
    """An input was refused; `reason` says why and what to do."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class KnowledgeBaseError(AccordError):
    """A knowledge-base file broke its schema."""

    def __init__(self, path: str, line: int | None, problem: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")
        self.path, self.line, self.problem = path, line, problem


class StoreError(AccordError):
    """The SQLite store could not be opened or brought up to date."""


class StoreBusy(StoreError):
    """Another process holds the store's writer lock; `pid` is that process (None if unknown)."""

    def __init__(self, path: str, pid: int | None):
        who = f" (pid {pid})" if pid else ""
        super().__init__(f"another ingest is writing to {path}{who}; wait for it to end or use another --db")
        self.path, self.pid = path, pid
