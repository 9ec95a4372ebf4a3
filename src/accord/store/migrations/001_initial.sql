-- Articles and everything extracted from them. Offsets are character offsets into articles.text.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,            -- hash of the normalised text
    origin TEXT NOT NULL,
    url TEXT,
    source TEXT,
    title TEXT,
    published TEXT,                 -- ISO date
    as_of TEXT,                     -- the date roles were resolved for
    as_of_rule TEXT NOT NULL,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    headings TEXT NOT NULL,         -- JSON [[start, end], ...]
    stages TEXT NOT NULL,           -- JSON list of the stages that ran
    ingested_at TEXT NOT NULL
);

CREATE TABLE actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    code TEXT,
    country TEXT,
    sector TEXT,
    role TEXT,
    PRIMARY KEY (article_id, actor_id)
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    rule TEXT NOT NULL,
    role TEXT,
    role_valid INTEGER
);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    date_start TEXT,
    date_end TEXT,
    granularity TEXT NOT NULL,
    rule TEXT NOT NULL
);

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,           -- the Event as JSON (schema/analysis.schema.json)
    PRIMARY KEY (article_id, n)
);

CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);

CREATE TABLE stances (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);

CREATE TABLE findings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);
