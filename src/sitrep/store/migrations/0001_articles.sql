-- Articles, the sources that carried them, near-duplicate links and the corpus line signal.
-- Portable SQL: TEXT/INTEGER/BIGINT/REAL only, JSON kept as TEXT, no SQLite-only syntax.

CREATE TABLE articles (
    id TEXT PRIMARY KEY,               -- hash of the normalised cleaned text
    title TEXT,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,                -- news | opinion
    published TEXT,                    -- ISO date or NULL when unknown
    published_from TEXT,               -- metadata | dateline | option
    outlet TEXT,
    url TEXT,
    removed TEXT NOT NULL,             -- JSON list of removed spans with rule and reason
    title_span TEXT,                   -- JSON span or NULL
    kind_evidence TEXT,                -- JSON span or NULL
    dateline TEXT,                     -- JSON span or NULL
    created_at TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE sources (
    key TEXT PRIMARY KEY,              -- provenance + raw hash: one row per occurrence
    article_id TEXT NOT NULL REFERENCES articles (id),
    path TEXT NOT NULL,
    line INTEGER,
    record TEXT,
    record_offset BIGINT,
    raw_sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    encoding TEXT NOT NULL,
    outlet TEXT,
    url TEXT,
    title TEXT,
    published TEXT,
    metadata TEXT NOT NULL,            -- JSON object
    ingested_at TEXT NOT NULL
);
CREATE INDEX sources_article ON sources (article_id);

CREATE TABLE near_duplicates (
    a TEXT NOT NULL REFERENCES articles (id),   -- a < b
    b TEXT NOT NULL REFERENCES articles (id),
    jaccard REAL NOT NULL,
    containment REAL NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX near_duplicates_b ON near_duplicates (b);

CREATE TABLE lsh_keys (
    band INTEGER NOT NULL,
    bucket BIGINT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id)
);
CREATE INDEX lsh_keys_bucket ON lsh_keys (band, bucket);

CREATE TABLE line_groups (
    grp TEXT PRIMARY KEY,              -- outlet, site or folder whose articles are compared
    docs INTEGER NOT NULL
);

CREATE TABLE group_lines (
    grp TEXT NOT NULL,
    line_key TEXT NOT NULL,
    docs INTEGER NOT NULL,
    PRIMARY KEY (grp, line_key)
);
