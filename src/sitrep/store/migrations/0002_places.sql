-- Place mentions found in each article, resolved against the gazetteer (or not, with the reason).

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles (id),
    n INTEGER NOT NULL,                -- order in the article
    span_start INTEGER NOT NULL,       -- offsets into articles.text
    span_end INTEGER NOT NULL,
    text TEXT NOT NULL,
    resolved INTEGER NOT NULL,         -- 1 resolved, 0 not (see why)
    name TEXT,
    place_id TEXT,                     -- gazetteer id: gn:N, adm1:SY.11, country:SY, sitrep:slug
    geonameid BIGINT,
    lat REAL,
    lon REAL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    admin2 TEXT,
    feature TEXT,
    geo_precision INTEGER,
    score REAL NOT NULL,
    why TEXT NOT NULL,                 -- JSON list of reasons
    relation TEXT,                     -- for relative locations: the expression
    PRIMARY KEY (article_id, n)
);
CREATE INDEX places_country ON places (country);
CREATE INDEX places_place ON places (place_id);
