-- Running totals for the map (store/grid.py), so a view of a million events is read from a few
-- thousand rows: events per grid cell at each map zoom level (also per day, for periods), and per
-- day. Kept in step with events by the triggers below, and filled from existing rows here.

-- The zoom levels with a grid: at level L a cell is 90 / 2^L degrees of latitude and longitude
-- (about 64 pixels at map zoom L), to the map page's deepest zoom; finer zooms count the events themselves.
CREATE TABLE grid_levels (level INTEGER PRIMARY KEY);
INSERT INTO grid_levels (level) VALUES (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14);

-- Located events per cell (y from latitude + 90, x from longitude + 180), type and modality.
CREATE TABLE event_cells (
    level INTEGER NOT NULL,
    y INTEGER NOT NULL,
    x INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    modality TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,       -- not stated counts as 0
    lat_sum REAL NOT NULL,             -- for the cell's centre of its events
    lon_sum REAL NOT NULL,
    PRIMARY KEY (level, y, x, event_type, modality)
) WITHOUT ROWID;

-- The same per day, for dated events: a period's rows are contiguous, whatever the box.
CREATE TABLE event_cell_days (
    level INTEGER NOT NULL,
    day TEXT NOT NULL,
    y INTEGER NOT NULL,
    x INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    modality TEXT NOT NULL,
    events INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    lat_sum REAL NOT NULL,
    lon_sum REAL NOT NULL,
    PRIMARY KEY (level, day, y, x, event_type, modality)
) WITHOUT ROWID;

-- Events per day (located or not), type and modality; day '' holds the undated.
CREATE TABLE event_days (
    day TEXT NOT NULL,
    event_type TEXT NOT NULL,
    modality TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (day, event_type, modality)
) WITHOUT ROWID;
-- (PostgreSQL's migration of this version runs the statements above as they are.)

INSERT INTO event_cells (level, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, CAST((e.lat + 90) / (90.0 / (1 << g.level)) AS INTEGER),
           CAST((e.lon + 180) / (90.0 / (1 << g.level)) AS INTEGER), e.event_type, e.modality,
           COUNT(*), SUM(COALESCE(e.fatalities, 0)), SUM(e.lat), SUM(e.lon)
    FROM events e, grid_levels g WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5;
INSERT INTO event_cell_days (level, day, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT g.level, e.event_date, CAST((e.lat + 90) / (90.0 / (1 << g.level)) AS INTEGER),
           CAST((e.lon + 180) / (90.0 / (1 << g.level)) AS INTEGER), e.event_type, e.modality,
           COUNT(*), SUM(COALESCE(e.fatalities, 0)), SUM(e.lat), SUM(e.lon)
    FROM events e, grid_levels g WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL AND e.event_date IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO event_days (day, event_type, modality, events)
    SELECT COALESCE(event_date, ''), event_type, modality, COUNT(*) FROM events GROUP BY 1, 2, 3;

CREATE TRIGGER event_cells_insert AFTER INSERT ON events WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL BEGIN
    INSERT INTO event_cells (level, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT level, CAST((NEW.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
           CAST((NEW.lon + 180) / (90.0 / (1 << level)) AS INTEGER), NEW.event_type, NEW.modality, 1,
           COALESCE(NEW.fatalities, 0), NEW.lat, NEW.lon
    FROM grid_levels WHERE true
    ON CONFLICT (level, y, x, event_type, modality) DO UPDATE SET events = events + 1,
        fatalities = fatalities + excluded.fatalities, lat_sum = lat_sum + excluded.lat_sum,
        lon_sum = lon_sum + excluded.lon_sum;
END;
CREATE TRIGGER event_cells_delete AFTER DELETE ON events WHEN OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL BEGIN
    UPDATE event_cells SET events = events - 1, fatalities = fatalities - COALESCE(OLD.fatalities, 0),
        lat_sum = lat_sum - OLD.lat, lon_sum = lon_sum - OLD.lon
    WHERE event_type = OLD.event_type AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    DELETE FROM event_cells WHERE events = 0 AND event_type = OLD.event_type AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                           CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
END;
CREATE TRIGGER event_cell_days_insert AFTER INSERT ON events
WHEN NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL AND NEW.event_date IS NOT NULL BEGIN
    INSERT INTO event_cell_days (level, day, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT level, NEW.event_date, CAST((NEW.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
           CAST((NEW.lon + 180) / (90.0 / (1 << level)) AS INTEGER), NEW.event_type, NEW.modality, 1,
           COALESCE(NEW.fatalities, 0), NEW.lat, NEW.lon
    FROM grid_levels WHERE true
    ON CONFLICT (level, day, y, x, event_type, modality) DO UPDATE SET events = events + 1,
        fatalities = fatalities + excluded.fatalities, lat_sum = lat_sum + excluded.lat_sum,
        lon_sum = lon_sum + excluded.lon_sum;
END;
CREATE TRIGGER event_cell_days_delete AFTER DELETE ON events
WHEN OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND OLD.event_date IS NOT NULL BEGIN
    UPDATE event_cell_days SET events = events - 1, fatalities = fatalities - COALESCE(OLD.fatalities, 0),
        lat_sum = lat_sum - OLD.lat, lon_sum = lon_sum - OLD.lon
    WHERE day = OLD.event_date AND event_type = OLD.event_type AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    DELETE FROM event_cell_days WHERE events = 0 AND day = OLD.event_date AND event_type = OLD.event_type
      AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
END;
CREATE TRIGGER event_days_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_days (day, event_type, modality, events)
    VALUES (COALESCE(NEW.event_date, ''), NEW.event_type, NEW.modality, 1)
    ON CONFLICT (day, event_type, modality) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER event_days_delete AFTER DELETE ON events BEGIN
    UPDATE event_days SET events = events - 1
    WHERE day = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type AND modality = OLD.modality;
    DELETE FROM event_days WHERE events = 0 AND day = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type
      AND modality = OLD.modality;
END;
-- Events are written once; a change of what the totals count is undone and done again.
CREATE TRIGGER event_totals_update AFTER UPDATE OF lat, lon, event_date, event_type, modality, fatalities ON events BEGIN
    UPDATE event_cell_days SET events = events - 1, fatalities = fatalities - COALESCE(OLD.fatalities, 0),
        lat_sum = lat_sum - OLD.lat, lon_sum = lon_sum - OLD.lon
    WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND day = OLD.event_date AND event_type = OLD.event_type
      AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    DELETE FROM event_cell_days WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND events = 0
      AND day = OLD.event_date AND event_type = OLD.event_type AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    INSERT INTO event_cell_days (level, day, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT level, NEW.event_date, CAST((NEW.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
           CAST((NEW.lon + 180) / (90.0 / (1 << level)) AS INTEGER), NEW.event_type, NEW.modality, 1,
           COALESCE(NEW.fatalities, 0), NEW.lat, NEW.lon
    FROM grid_levels WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL AND NEW.event_date IS NOT NULL
    ON CONFLICT (level, day, y, x, event_type, modality) DO UPDATE SET events = events + 1,
        fatalities = fatalities + excluded.fatalities, lat_sum = lat_sum + excluded.lat_sum,
        lon_sum = lon_sum + excluded.lon_sum;
    UPDATE event_cells SET events = events - 1, fatalities = fatalities - COALESCE(OLD.fatalities, 0),
        lat_sum = lat_sum - OLD.lat, lon_sum = lon_sum - OLD.lon
    WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND event_type = OLD.event_type AND modality = OLD.modality
      AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                                   CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    INSERT INTO event_cells (level, y, x, event_type, modality, events, fatalities, lat_sum, lon_sum)
    SELECT level, CAST((NEW.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
           CAST((NEW.lon + 180) / (90.0 / (1 << level)) AS INTEGER), NEW.event_type, NEW.modality, 1,
           COALESCE(NEW.fatalities, 0), NEW.lat, NEW.lon
    FROM grid_levels WHERE NEW.lat IS NOT NULL AND NEW.lon IS NOT NULL
    ON CONFLICT (level, y, x, event_type, modality) DO UPDATE SET events = events + 1,
        fatalities = fatalities + excluded.fatalities, lat_sum = lat_sum + excluded.lat_sum,
        lon_sum = lon_sum + excluded.lon_sum;
    DELETE FROM event_cells WHERE OLD.lat IS NOT NULL AND OLD.lon IS NOT NULL AND events = 0
      AND event_type = OLD.event_type AND modality = OLD.modality AND (level, y, x) IN (SELECT level, CAST((OLD.lat + 90) / (90.0 / (1 << level)) AS INTEGER),
                           CAST((OLD.lon + 180) / (90.0 / (1 << level)) AS INTEGER) FROM grid_levels);
    UPDATE event_days SET events = events - 1
    WHERE day = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type AND modality = OLD.modality;
    INSERT INTO event_days (day, event_type, modality, events)
    VALUES (COALESCE(NEW.event_date, ''), NEW.event_type, NEW.modality, 1)
    ON CONFLICT (day, event_type, modality) DO UPDATE SET events = events + 1;
    DELETE FROM event_days WHERE events = 0 AND day = COALESCE(OLD.event_date, '') AND event_type = OLD.event_type
      AND modality = OLD.modality;
END;

-- What the map reads of an event found through the R*Tree (store/grid.py), without its stored record.
CREATE INDEX events_map ON events (article_id, n, event_date, lat, lon, event_type, modality, fatalities);
