-- Incidents (events of several articles that describe one real-world event) and claims (predicted,
-- planned and claimed events checked against what was reported later). See sitrep/link/.

-- Where each dated, located event is filed for candidate search: its day, week bucket, grid cell and
-- region. Linking looks up only the blocks around a new event, never the whole table.
CREATE TABLE event_blocks (
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    modality TEXT NOT NULL,
    day INTEGER NOT NULL,              -- days since 0001-01-01 (proleptic Gregorian ordinal)
    week INTEGER NOT NULL,             -- day / 7
    cell_lat INTEGER NOT NULL,         -- floor(latitude), floor(longitude): a 1-degree grid
    cell_lon INTEGER NOT NULL,
    region TEXT NOT NULL,              -- "SY/Ḩimş" inside a province; "SY" for a country-level place
    geo_precision INTEGER NOT NULL,
    PRIMARY KEY (article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n)
);
CREATE INDEX event_blocks_cell ON event_blocks (cell_lat, cell_lon, week);
CREATE INDEX event_blocks_region ON event_blocks (region, week);

CREATE TABLE incidents (
    id TEXT PRIMARY KEY,               -- the id of its first event (article id prefix and rank)
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    first_date TEXT NOT NULL,          -- ISO dates of its earliest and latest event
    last_date TEXT NOT NULL,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    sources INTEGER NOT NULL           -- independent outlets: near duplicates and syndicated copies count once
);
CREATE INDEX incidents_sources ON incidents (sources);
CREATE INDEX incidents_last ON incidents (last_date);

CREATE TABLE incident_events (
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    incident_id TEXT NOT NULL REFERENCES incidents (id),
    why TEXT NOT NULL,                 -- JSON list: the rules it passed against the incident's events
    PRIMARY KEY (article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n)
);
CREATE INDEX incident_events_incident ON incident_events (incident_id);

CREATE TABLE claims (
    article_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    kind TEXT NOT NULL,                -- prediction (predicted, planned) | claim (claimed)
    status TEXT NOT NULL,              -- prediction: open | fulfilled | contradicted; claim: open | corroborated | contested
    first_day INTEGER NOT NULL,        -- the days an outcome may fall on (ordinals, inclusive)
    last_day INTEGER NOT NULL,
    cell_lat INTEGER NOT NULL,
    cell_lon INTEGER NOT NULL,
    region TEXT NOT NULL,
    geo_precision INTEGER NOT NULL,
    PRIMARY KEY (article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n)
);
CREATE INDEX claims_cell ON claims (cell_lat, cell_lon, last_day);
CREATE INDEX claims_region ON claims (region, last_day);
CREATE INDEX claims_status ON claims (status);

CREATE TABLE claim_matches (
    claim_article_id TEXT NOT NULL,
    claim_n INTEGER NOT NULL,
    article_id TEXT NOT NULL,          -- the event that fulfils, contradicts, corroborates or contests it
    n INTEGER NOT NULL,
    relation TEXT NOT NULL,            -- fulfils | contradicts | corroborates | contests
    why TEXT NOT NULL,                 -- JSON list of the rules it passed
    PRIMARY KEY (claim_article_id, claim_n, article_id, n),
    FOREIGN KEY (claim_article_id, claim_n) REFERENCES claims (article_id, n),
    FOREIGN KEY (article_id, n) REFERENCES events (article_id, n)
);
CREATE INDEX claim_matches_event ON claim_matches (article_id, n);
