-- Search indexes for the HTTP API: article text (full text) and where and when events happened.
-- These two are SQLite virtual tables (FTS5, R*Tree), the only SQLite-only schema in the store; all
-- SQL that reads them is in store/search.py. PostgreSQL replaces them with a tsvector column and a
-- GIN index on articles, and a PostGIS geography column with a GiST index on events.
-- Both are kept in step with their tables by the triggers below, and filled from existing rows here.

CREATE VIRTUAL TABLE articles_fts USING fts5 (
    article_id UNINDEXED,
    title,
    text,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (article_id, title, text) SELECT id, COALESCE(title, ''), text FROM articles;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (article_id, title, text) VALUES (NEW.id, COALESCE(NEW.title, ''), NEW.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
    INSERT INTO articles_fts (article_id, title, text) VALUES (NEW.id, COALESCE(NEW.title, ''), NEW.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE article_id = OLD.id;
END;

-- One box per located event: its point, and its date as a Julian day (undated: every day). The
-- R*Tree keeps 32-bit floats rounded outwards, so readers widen their box a little and check the
-- exact columns of events too.
CREATE VIRTUAL TABLE events_rtree USING rtree (
    id,
    min_lon, max_lon,
    min_lat, max_lat,
    min_day, max_day,
    +article_id,
    +n
);
INSERT INTO events_rtree (min_lon, max_lon, min_lat, max_lat, min_day, max_day, article_id, n)
    SELECT lon, lon, lat, lat, COALESCE(julianday(event_date), -1e9), COALESCE(julianday(event_date), 1e9), article_id, n
    FROM events WHERE lat IS NOT NULL AND lon IS NOT NULL;

CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
    INSERT INTO events_rtree (min_lon, max_lon, min_lat, max_lat, min_day, max_day, article_id, n)
    VALUES (NEW.lon, NEW.lon, NEW.lat, NEW.lat, COALESCE(julianday(NEW.event_date), -1e9),
            COALESCE(julianday(NEW.event_date), 1e9), NEW.article_id, NEW.n);
END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF lat, lon, event_date ON events BEGIN
    DELETE FROM events_rtree WHERE article_id = OLD.article_id AND n = OLD.n;
    INSERT INTO events_rtree (min_lon, max_lon, min_lat, max_lat, min_day, max_day, article_id, n)
    SELECT NEW.lon, NEW.lon, NEW.lat, NEW.lat, COALESCE(julianday(NEW.event_date), -1e9),
           COALESCE(julianday(NEW.event_date), 1e9), NEW.article_id, NEW.n
    WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;
CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
    DELETE FROM events_rtree WHERE article_id = OLD.article_id AND n = OLD.n;
END;

-- Keyset pages of events walk this index: newest first, ties by article and rank.
CREATE INDEX events_date_key ON events (event_date DESC, article_id, n);
