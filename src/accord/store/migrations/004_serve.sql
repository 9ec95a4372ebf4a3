-- What `accord serve` reads fast: full-text search over articles, and the fields of each event
-- that the API filters and counts on, copied out of events.record by triggers (the JSON record
-- stays the source of truth).

CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (NEW.rowid, NEW.title, NEW.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', OLD.rowid, OLD.title, OLD.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', OLD.rowid, OLD.title, OLD.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (NEW.rowid, NEW.title, NEW.text);
END;

CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX actors_actor ON actors(actor_id);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

-- One row per event: its day (the event's date, else the article's), codes, first source and
-- target actor (label and country) and place.
CREATE TABLE event_index (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    day TEXT,
    type TEXT,
    root TEXT,                      -- the CAMEO code's first two digits
    quad INTEGER,
    source_label TEXT,              -- the first source actor's code, else its name
    target_label TEXT,
    source_country TEXT,
    target_country TEXT,
    place TEXT,
    place_country TEXT,
    lat REAL,
    lon REAL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX event_index_day ON event_index(day);
CREATE INDEX event_index_type ON event_index(type, day);
CREATE INDEX event_index_root ON event_index(root, day);
CREATE INDEX event_index_quad ON event_index(quad, day);
CREATE INDEX event_index_source_country ON event_index(source_country, day);
CREATE INDEX event_index_target_country ON event_index(target_country, day);
CREATE INDEX event_index_place_country ON event_index(place_country, day);
CREATE INDEX event_index_place ON event_index(day, place, lat, lon) WHERE lat IS NOT NULL;

-- Every actor on either side of each event.
CREATE TABLE event_actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n INTEGER NOT NULL,
    side TEXT NOT NULL,             -- source | target
    actor_id TEXT NOT NULL,
    code TEXT,
    name TEXT
);
CREATE INDEX event_actors_event ON event_actors(article_id, n, side);
CREATE INDEX event_actors_actor ON event_actors(actor_id);
CREATE INDEX event_actors_code ON event_actors(code);
CREATE INDEX event_actors_name ON event_actors(name COLLATE NOCASE);

-- Events by day and type, kept by the triggers, so the timeline never scans every event.
CREATE TABLE event_days (
    day TEXT NOT NULL,
    type TEXT NOT NULL,
    quad INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (day, type, quad)
) WITHOUT ROWID;

CREATE TRIGGER events_index_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_index
    SELECT NEW.article_id, NEW.n,
           COALESCE(json_extract(NEW.record, '$.when'), (SELECT published FROM articles WHERE id = NEW.article_id)),
           json_extract(NEW.record, '$.type'),
           substr(json_extract(NEW.record, '$.cameo'), 1, 2),
           json_extract(NEW.record, '$.quad_class'),
           (SELECT COALESCE(code, name) FROM actors WHERE article_id = NEW.article_id AND actor_id = json_extract(NEW.record, '$.source[0]')),
           (SELECT COALESCE(code, name) FROM actors WHERE article_id = NEW.article_id AND actor_id = json_extract(NEW.record, '$.target[0]')),
           (SELECT country FROM actors WHERE article_id = NEW.article_id AND actor_id = json_extract(NEW.record, '$.source[0]')),
           (SELECT country FROM actors WHERE article_id = NEW.article_id AND actor_id = json_extract(NEW.record, '$.target[0]')),
           json_extract(NEW.record, '$.place.name'),
           json_extract(NEW.record, '$.place.country'),
           json_extract(NEW.record, '$.place.lat'),
           json_extract(NEW.record, '$.place.lon');
    INSERT INTO event_actors
    SELECT NEW.article_id, NEW.n, side.name, ids.value, a.code, a.name
    FROM (SELECT 'source' AS name UNION ALL SELECT 'target') AS side
    JOIN json_each(NEW.record, '$.' || side.name) AS ids
    LEFT JOIN actors a ON a.article_id = NEW.article_id AND a.actor_id = ids.value;
    INSERT INTO event_days
    SELECT day, type, quad, 1 FROM event_index WHERE article_id = NEW.article_id AND n = NEW.n AND day IS NOT NULL
    ON CONFLICT (day, type, quad) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER events_index_delete AFTER DELETE ON events BEGIN
    UPDATE event_days SET count = count - 1
    WHERE (day, type, quad) = (SELECT day, type, quad FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n);
    DELETE FROM event_days WHERE count <= 0;
    DELETE FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n;
    DELETE FROM event_actors WHERE article_id = OLD.article_id AND n = OLD.n;
END;

-- Events stored before this migration.
CREATE TEMP TABLE replay AS SELECT * FROM events;
DELETE FROM events;
INSERT INTO events SELECT * FROM replay;
DROP TABLE replay;
