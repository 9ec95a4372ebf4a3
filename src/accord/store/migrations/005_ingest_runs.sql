-- Ingest runs, so the next run knows when one was killed before it finished: the stories of
-- the articles that run placed (profiles.seq > first_seq) get their findings across outlets
-- recomputed, since the killed run may have placed them without comparing their outlets.
CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    first_seq INTEGER NOT NULL,     -- the last profiles.seq before the run placed anything
    finished_at TEXT                -- NULL while running, and forever if the run was killed
);
