-- Events read from each article. `record` holds the whole event as JSON (fields, evidence, reasons);
-- the columns beside it are copies of the fields that listings filter and sort on.

CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles (id),
    n INTEGER NOT NULL,                -- salience rank within the article, 0 = most salient
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT,
    actor2 TEXT,
    actors TEXT NOT NULL,              -- every actor name of the event, one per line, for filtering
    event_date TEXT,                   -- ISO date
    time_precision INTEGER,
    country TEXT,
    admin1 TEXT,
    location TEXT,
    lat REAL,
    lon REAL,
    geo_precision INTEGER,
    fatalities INTEGER,
    modality TEXT NOT NULL,
    historical INTEGER NOT NULL,
    confidence REAL NOT NULL,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX events_date ON events (event_date);
CREATE INDEX events_type ON events (event_type, sub_event_type);
CREATE INDEX events_country ON events (country, admin1);
