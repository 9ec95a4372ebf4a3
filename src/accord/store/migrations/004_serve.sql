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
CREATE TABLE event_index (          -- its rows go with their event (the trigger below)
    article_id TEXT NOT NULL,
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

-- The event again under each country it involves (first source's, first target's, place's),
-- ordered by country and day, so a country filter reads one stretch of one table. An event
-- without a day has day '' here.
CREATE TABLE event_countries (
    country TEXT NOT NULL,
    day TEXT NOT NULL,
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    type TEXT,
    root TEXT,
    quad INTEGER,
    place TEXT,
    lat REAL,
    lon REAL,
    PRIMARY KEY (country, day, article_id, n)
) WITHOUT ROWID;

-- Every source -> target pair of each event (the actor network).
CREATE TABLE event_pairs (
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (article_id, n, source, target)
) WITHOUT ROWID;

-- Every actor on either side of each event.
CREATE TABLE event_actors (
    article_id TEXT NOT NULL,
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

-- All-time totals kept by the triggers, so the unfiltered network and map read a few rows.
CREATE TABLE pair_totals (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    count INTEGER NOT NULL,
    q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL,  -- by QuadClass
    PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX pair_totals_count ON pair_totals(count);

CREATE TABLE place_totals (
    place TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (place, lat, lon)
) WITHOUT ROWID;

-- Each stance's holder (by actor code, else name, as the stance matrix groups them) and issue,
-- and the matrix's counts.
CREATE TABLE stance_index (
    holder TEXT NOT NULL,
    issue TEXT NOT NULL,
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (holder, issue, article_id, n)
) WITHOUT ROWID;
CREATE INDEX stance_index_stance ON stance_index(article_id, n);

CREATE TABLE stance_cells (
    holder TEXT NOT NULL,
    issue TEXT NOT NULL,
    support INTEGER NOT NULL DEFAULT 0,
    oppose INTEGER NOT NULL DEFAULT 0,
    conditional INTEGER NOT NULL DEFAULT 0,
    neutral INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (holder, issue)
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
    INSERT OR IGNORE INTO event_countries
    SELECT c.value, COALESCE(e.day, ''), e.article_id, e.n, e.type, e.root, e.quad, e.place, e.lat, e.lon
    FROM event_index e JOIN json_each(json_array(e.source_country, e.target_country, e.place_country)) AS c
    WHERE e.article_id = NEW.article_id AND e.n = NEW.n AND c.value IS NOT NULL;
    INSERT OR IGNORE INTO event_pairs
    SELECT NEW.article_id, NEW.n, s.value, t.value
    FROM json_each(NEW.record, '$.source') AS s JOIN json_each(NEW.record, '$.target') AS t;
    INSERT INTO pair_totals
    SELECT p.source, p.target, 1, e.quad = 1, e.quad = 2, e.quad = 3, e.quad = 4
    FROM event_pairs p JOIN event_index e ON e.article_id = p.article_id AND e.n = p.n
    WHERE p.article_id = NEW.article_id AND p.n = NEW.n
    ON CONFLICT (source, target) DO UPDATE SET count = count + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
        q3 = q3 + excluded.q3, q4 = q4 + excluded.q4;
    INSERT INTO place_totals
    SELECT place, lat, lon, 1 FROM event_index
    WHERE article_id = NEW.article_id AND n = NEW.n AND lat IS NOT NULL AND lon IS NOT NULL AND place IS NOT NULL
    ON CONFLICT (place, lat, lon) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER events_index_delete AFTER DELETE ON events BEGIN
    UPDATE event_days SET count = count - 1
    WHERE (day, type, quad) = (SELECT day, type, quad FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n);
    DELETE FROM event_days WHERE count <= 0;
    UPDATE pair_totals SET count = count - 1,
        q1 = q1 - (SELECT quad = 1 FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n),
        q2 = q2 - (SELECT quad = 2 FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n),
        q3 = q3 - (SELECT quad = 3 FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n),
        q4 = q4 - (SELECT quad = 4 FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n)
    WHERE (source, target) IN (SELECT source, target FROM event_pairs WHERE article_id = OLD.article_id AND n = OLD.n);
    DELETE FROM pair_totals WHERE count <= 0;
    UPDATE place_totals SET count = count - 1
    WHERE (place, lat, lon) = (SELECT place, lat, lon FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n);
    DELETE FROM place_totals WHERE count <= 0;
    DELETE FROM event_countries
    WHERE country IN (SELECT source_country FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n
                      UNION SELECT target_country FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n
                      UNION SELECT place_country FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n)
      AND day = (SELECT COALESCE(day, '') FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n)
      AND article_id = OLD.article_id AND n = OLD.n;
    DELETE FROM event_index WHERE article_id = OLD.article_id AND n = OLD.n;
    DELETE FROM event_actors WHERE article_id = OLD.article_id AND n = OLD.n;
    DELETE FROM event_pairs WHERE article_id = OLD.article_id AND n = OLD.n;
END;

CREATE TRIGGER stances_index_insert AFTER INSERT ON stances BEGIN
    INSERT INTO stance_index
    SELECT COALESCE(a.code, a.name, json_extract(NEW.record, '$.holder')), json_extract(NEW.record, '$.issue'),
           NEW.article_id, NEW.n
    FROM (SELECT 1) LEFT JOIN actors a ON a.article_id = NEW.article_id AND a.actor_id = json_extract(NEW.record, '$.holder');
    INSERT INTO stance_cells (holder, issue, support, oppose, conditional, neutral)
    SELECT holder, issue, p = 'support', p = 'oppose', p = 'conditional', p = 'neutral'
    FROM stance_index, (SELECT json_extract(NEW.record, '$.polarity') AS p)
    WHERE article_id = NEW.article_id AND n = NEW.n
    ON CONFLICT (holder, issue) DO UPDATE SET support = support + excluded.support, oppose = oppose + excluded.oppose,
        conditional = conditional + excluded.conditional, neutral = neutral + excluded.neutral;
END;

CREATE TRIGGER stances_index_delete AFTER DELETE ON stances BEGIN
    UPDATE stance_cells SET
        support = support - (json_extract(OLD.record, '$.polarity') = 'support'),
        oppose = oppose - (json_extract(OLD.record, '$.polarity') = 'oppose'),
        conditional = conditional - (json_extract(OLD.record, '$.polarity') = 'conditional'),
        neutral = neutral - (json_extract(OLD.record, '$.polarity') = 'neutral')
    WHERE (holder, issue) = (SELECT holder, issue FROM stance_index WHERE article_id = OLD.article_id AND n = OLD.n);
    DELETE FROM stance_cells WHERE support + oppose + conditional + neutral <= 0;
    DELETE FROM stance_index WHERE article_id = OLD.article_id AND n = OLD.n;
END;

-- Events and stances stored before this migration.
CREATE TEMP TABLE replay AS SELECT * FROM events;
DELETE FROM events;
INSERT INTO events SELECT * FROM replay;
DROP TABLE replay;
CREATE TEMP TABLE replay AS SELECT * FROM stances;
DELETE FROM stances;
INSERT INTO stances SELECT * FROM replay;
DROP TABLE replay;
