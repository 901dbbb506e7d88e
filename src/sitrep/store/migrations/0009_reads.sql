-- Actors for filtered reads of a large store (store/filters.py): the map's counts and the event
-- listings find an actor's events through these tables, not by reading every event of the box.
-- Each event's actor names, folded (sitrep_fold: no case, no accents), one row per name; and every
-- folded name once, so a part of a name is looked for in the few thousand names, not in the events.
-- SQLStore.add_events fills both (a trigger cannot split the names).
CREATE TABLE actor_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE event_actors (
    name TEXT NOT NULL,
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (name, article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n) ON DELETE CASCADE
) WITHOUT ROWID;
-- (PostgreSQL's migration of this version runs the statements above as they are.)

INSERT INTO event_actors (name, article_id, n)
    WITH RECURSIVE split (article_id, n, name, rest) AS (
        SELECT article_id, n, '', actors || char(10) FROM events WHERE actors != ''
        UNION ALL
        SELECT article_id, n, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
        FROM split WHERE rest != ''
    )
    SELECT DISTINCT sitrep_fold(name), article_id, n FROM split WHERE name != '';
INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors;
CREATE INDEX event_actors_event ON event_actors (article_id, n);  -- an event's names, for its deletion

-- Undated events in the R*Tree: a point on a day before any date (Julian day -1e9), no longer a span
-- over every day. Spans that long made every node holding one span all time, so a box and period
-- read most of the tree's nodes around it; a period never holds an undated event (the exact
-- event_date is checked after the index), and a box without a period still finds them.
UPDATE events_rtree SET max_day = -1e9 WHERE min_day < 0;
DROP TRIGGER events_rtree_insert;
DROP TRIGGER events_rtree_update;
CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
    INSERT INTO events_rtree (min_lon, max_lon, min_lat, max_lat, min_day, max_day, article_id, n)
    VALUES (NEW.lon, NEW.lon, NEW.lat, NEW.lat, COALESCE(julianday(NEW.event_date), -1e9),
            COALESCE(julianday(NEW.event_date), -1e9), NEW.article_id, NEW.n);
END;
CREATE TRIGGER events_rtree_update AFTER UPDATE OF lat, lon, event_date ON events BEGIN
    DELETE FROM events_rtree WHERE article_id = OLD.article_id AND n = OLD.n;
    INSERT INTO events_rtree (min_lon, max_lon, min_lat, max_lat, min_day, max_day, article_id, n)
    SELECT NEW.lon, NEW.lon, NEW.lat, NEW.lat, COALESCE(julianday(NEW.event_date), -1e9),
           COALESCE(julianday(NEW.event_date), -1e9), NEW.article_id, NEW.n
    WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL;
END;
