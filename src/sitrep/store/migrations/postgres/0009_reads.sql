-- PostgreSQL's migration 0009, in place of ../0009_reads.sql: the same tables (that file's, put in
-- below by store/postgres.py's pg_migrations), the stored events' names split by string_to_table.

-- (Here: the statements of SQLite's migration of this version, as they are.)

INSERT INTO event_actors (name, article_id, n)
    SELECT DISTINCT sitrep_fold(name), article_id, n
    FROM events, string_to_table(actors, E'\n') AS name WHERE name <> '';
INSERT INTO actor_names (name) SELECT DISTINCT name FROM event_actors;
CREATE INDEX event_actors_event ON event_actors (article_id, n);  -- an event's names, for its deletion
