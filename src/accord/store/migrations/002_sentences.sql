-- The event classifier's label of each sentence (schema 1.1).
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,           -- the SentenceLabel as JSON (schema/analysis.schema.json)
    PRIMARY KEY (article_id, n)
);
