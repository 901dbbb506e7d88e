-- PostgreSQL's migration 0008, in place of ../0008_grid.sql: the same running totals for the map
-- (store/grid.py), in the same tables (that file's, put in below by store/postgres.py's pg_migrations),
-- kept by one plpgsql trigger on events instead of SQLite's triggers. A cell's
-- column and row are floor((lon + 180) / size) and floor((lat + 90) / size), size = 90 / 2^level.

-- (Here: the statements of SQLite's migration of this version, as they are.)

-- A grid cell's column or row at a level: the whole part of `offset` (degrees from -180 or -90) by cell size.
CREATE FUNCTION sitrep_cell(offset_deg float8, level integer) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CAST(floor(offset_deg / (90.0 / (1 << level))) AS INTEGER)
$$;

-- One event counted in (sign 1) or out of (sign -1) the totals; rows left at no events are deleted.
CREATE FUNCTION sitrep_count_event(e_lat float8, e_lon float8, e_day text, e_type text, e_modality text,
                                   e_dead integer, sign integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_days AS t (day, event_type, modality, events)
    VALUES (COALESCE(e_day, ''), e_type, e_modality, sign)
    ON CONFLICT (day, event_type, modality) DO UPDATE SET events = t.events + excluded.events;
    DELETE FROM event_days t WHERE sign < 0 AND t.events = 0 AND t.day = COALESCE(e_day, '')
        AND t.event_type = e_type AND t.modality = e_modality;
    IF e_lat IS NULL OR e_lon IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO event_cells AS t (level, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, sitrep_cell(e_lat + 90, g.level), sitrep_cell(e_lon + 180, g.level), e_type, e_modality,
           sign, sign * COALESCE(e_dead, 0), sign * e_lat, sign * e_lon
    FROM grid_levels g
    ON CONFLICT (level, y, x, event_type, modality) DO UPDATE SET events = t.events + excluded.events,
        fatalities = t.fatalities + excluded.fatalities, lat_sum = t.lat_sum + excluded.lat_sum,
        lon_sum = t.lon_sum + excluded.lon_sum;
    DELETE FROM event_cells t USING grid_levels g WHERE sign < 0 AND t.events = 0 AND t.level = g.level
        AND t.y = sitrep_cell(e_lat + 90, g.level) AND t.x = sitrep_cell(e_lon + 180, g.level)
        AND t.event_type = e_type AND t.modality = e_modality;
    IF e_day IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO event_cell_days AS t (level, day, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, e_day, sitrep_cell(e_lat + 90, g.level), sitrep_cell(e_lon + 180, g.level), e_type, e_modality,
           sign, sign * COALESCE(e_dead, 0), sign * e_lat, sign * e_lon
    FROM grid_levels g
    ON CONFLICT (level, day, y, x, event_type, modality) DO UPDATE SET events = t.events + excluded.events,
        fatalities = t.fatalities + excluded.fatalities, lat_sum = t.lat_sum + excluded.lat_sum,
        lon_sum = t.lon_sum + excluded.lon_sum;
    DELETE FROM event_cell_days t USING grid_levels g WHERE sign < 0 AND t.events = 0 AND t.level = g.level
        AND t.day = e_day AND t.y = sitrep_cell(e_lat + 90, g.level) AND t.x = sitrep_cell(e_lon + 180, g.level)
        AND t.event_type = e_type AND t.modality = e_modality;
END
$$;

-- An event's old row counted out, its new one in (an update of what the totals count: undone, done again).
CREATE FUNCTION sitrep_event_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM sitrep_count_event(OLD.lat, OLD.lon, OLD.event_date, OLD.event_type, OLD.modality, OLD.fatalities, -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM sitrep_count_event(NEW.lat, NEW.lon, NEW.event_date, NEW.event_type, NEW.modality, NEW.fatalities, 1);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER event_totals AFTER INSERT OR DELETE OR UPDATE OF lat, lon, event_date, event_type, modality, fatalities
ON events FOR EACH ROW EXECUTE FUNCTION sitrep_event_totals();

-- The events already stored.
INSERT INTO event_cells (level, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, sitrep_cell(e.lat + 90, g.level), sitrep_cell(e.lon + 180, g.level), e.event_type, e.modality,
           COUNT(*), SUM(COALESCE(e.fatalities, 0)), SUM(e.lat), SUM(e.lon)
    FROM events e, grid_levels g WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
INSERT INTO event_cell_days (level, day, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, e.event_date, sitrep_cell(e.lat + 90, g.level), sitrep_cell(e.lon + 180, g.level), e.event_type,
           e.modality, COUNT(*), SUM(COALESCE(e.fatalities, 0)), SUM(e.lat), SUM(e.lon)
    FROM events e, grid_levels g WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.event_date IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_days (day, event_type, modality, events)
    SELECT COALESCE(event_date, ''), event_type, modality, COUNT(*) FROM events GROUP BY 1, 2, 3;
