-- Claims, stories and findings across outlets (schema 1.2).
CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,           -- the Claim as JSON (schema/analysis.schema.json)
    PRIMARY KEY (article_id, n)
);

ALTER TABLE articles ADD COLUMN published_at TEXT;  -- ISO datetime in UTC, when the input gave a time

-- What the story clusterer keeps of each article (accord.stories.profile).
CREATE TABLE profiles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL UNIQUE,    -- ingest order
    hashes BLOB NOT NULL,           -- MinHash values, uint32
    shingles INTEGER NOT NULL,
    terms TEXT NOT NULL             -- JSON {term: count}
);

CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    copy_of TEXT                    -- the article this one is a wire copy or reprint of
);
CREATE INDEX story_members_story ON story_members(story_id);

CREATE TABLE story_findings (
    story_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    record TEXT NOT NULL,           -- the Finding as JSON
    PRIMARY KEY (story_id, n)
);
