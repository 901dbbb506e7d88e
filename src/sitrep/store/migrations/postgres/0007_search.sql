-- PostgreSQL's migration 0007, in place of ../0007_search.sql (SQLite's FTS5 and R*Tree tables); all
-- SQL that reads these is in store/pg_search.py. Also the functions the store's SQL calls by SQLite's
-- names (sitrep_fold, sitrep_km, group_concat), and articles' stored order (SQLite's rowid).
-- Needs PostGIS installed on the server; CREATE EXTENSION needs a superuser unless it exists already.

CREATE EXTENSION IF NOT EXISTS postgis;

-- Python's sitrep.filter_values.fold: no case (ICU's lower case, whatever the column's collation),
-- no marks (of Latin, Greek, Cyrillic, Hebrew and Arabic letters), the letters no decomposition
-- takes to a base letter, no ayn or hamza marks.
CREATE FUNCTION sitrep_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT replace(replace(replace(translate(
        regexp_replace(normalize(lower($1 COLLATE "und-x-icu"), NFKD), '[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]', '', 'g'),
        'ıłøđħʻʼʿʾ‘’''', 'ilodh'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th')
$$;

-- Great-circle distance in km, as sitrep.store.search.haversine_km.
CREATE FUNCTION sitrep_km(lat1 float8, lon1 float8, lat2 float8, lon2 float8) RETURNS float8
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1.0, sqrt(
        sin(radians(lat2 - lat1) / 2) ^ 2 + cos(radians(lat1)) * cos(radians(lat2)) * sin(radians(lon2 - lon1) / 2) ^ 2)))
$$;

-- SQLite's group_concat(x): the non-null values joined by commas.
CREATE FUNCTION sitrep_join(text, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT $1 || ',' || $2
$$;
CREATE AGGREGATE group_concat(text) (SFUNC = sitrep_join, STYPE = text);

-- The order articles were stored in (SQLite's rowid), which `sitrep link` follows.
ALTER TABLE articles ADD COLUMN rowid BIGSERIAL;

-- Full text: title and text folded, split into words without stemming or stop words (FTS5's unicode61).
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple'::regconfig, sitrep_fold(COALESCE(title, '') || ' ' || text))
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

-- Each located event's point: geography for circles (ST_DWithin), its lon/lat geometry for boxes;
-- dates through the btree indexes on event_date.
ALTER TABLE events ADD COLUMN geog geography(Point, 4326) GENERATED ALWAYS AS (
    CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography END
) STORED;
CREATE INDEX events_geog ON events USING gist (geog);
CREATE INDEX events_point ON events USING gist ((geog::geometry));

-- Keyset pages of events walk this index: newest first, ties by article and rank.
CREATE INDEX events_date_key ON events (event_date DESC NULLS LAST, article_id, n);
