-- Stories (articles about the same seminal event), kept as articles are stored. See sitrep/link/story_store.py.

CREATE TABLE stories (
    id TEXT PRIMARY KEY,               -- the id of its first article
    first_published TEXT,              -- ISO dates of its earliest and latest dated article
    last_published TEXT,
    articles INTEGER NOT NULL
);
CREATE INDEX stories_last ON stories (last_published);

-- Each article's story features (link/features.py), weighted as they were when it was stored, and its story.
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    story_id TEXT NOT NULL REFERENCES stories (id),
    day INTEGER,                       -- publication date as a day ordinal; NULL when unknown
    profile TEXT NOT NULL,             -- JSON: {"channel:token": weight}, L2-normalised
    similarity REAL                    -- average similarity to the story when it joined; NULL for its first article
);
CREATE INDEX story_members_story ON story_members (story_id);

-- Candidate search: an article's selective features (places, names, actors), by day.
CREATE TABLE story_keys (
    key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    day INTEGER,
    PRIMARY KEY (key, article_id)
);
CREATE INDEX story_keys_day ON story_keys (key, day);

-- Document frequency of every feature over the stored profiles: the weights' idf. The empty key,
-- which every profile holds, counts the profiles.
CREATE TABLE story_terms (
    key TEXT PRIMARY KEY,
    df INTEGER NOT NULL
);
