-- PostgreSQL's migration 0009, in place of ../0009_reads.sql: the same tables, the
-- stored events' names split by string_to_table.

CREATE TABLE actor_names (name TEXT COLLATE "C" PRIMARY KEY);
CREATE TABLE event_actors (
    name TEXT COLLATE "C" NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (name, article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n) ON DELETE CASCADE
);

INSERT INTO event_actors (name, article_id, n)
    SELECT DISTINCT sitrep_fold(name), article_id, n
    FROM events, string_to_table(actors, E'\n') AS name WHERE name <> '';
INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors;
CREATE INDEX event_actors_event ON event_actors (article_id, n);  -- an event's names, for its deletion
