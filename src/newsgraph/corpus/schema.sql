-- newsgraph corpus store, schema version 1. Opened as it is by sqlite3 and Datasette.
-- Per-document tables hold one record's facts; they go with their document (ON DELETE CASCADE).
-- Corpus tables (actors, actor_members, corpus_events, corpus_event_actors, event_reports) are the
-- cross-document resolution; `newsgraph resolve --all` rebuilds them from the per-document tables.

CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS documents (
    n            INTEGER PRIMARY KEY,          -- stable rowid for the FTS index
    id           TEXT NOT NULL UNIQUE,         -- newsgraph document id (from content)
    key          TEXT NOT NULL,                -- what identifies the article across edits: url, else source
    hash         TEXT NOT NULL,                -- content hash: same hash, nothing to do
    title        TEXT,
    author       TEXT,
    published    TEXT,                         -- YYYY-MM-DD or NULL
    outlet       TEXT,
    url          TEXT,
    source       TEXT,
    language     TEXT,
    text         TEXT NOT NULL,
    record       TEXT NOT NULL,                -- the whole newsgraph/1 record as JSON
    ingested_at  TEXT NOT NULL,
    resolved     INTEGER NOT NULL DEFAULT 0    -- 1 once cross-document resolution has seen it
);
CREATE INDEX IF NOT EXISTS documents_key ON documents(key);
CREATE INDEX IF NOT EXISTS documents_resolved ON documents(resolved);

CREATE TABLE IF NOT EXISTS entities (
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id       TEXT NOT NULL,                    -- entity id within its document's record ("e3")
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,                    -- PERSON ORG PLACE GROUP OTHER
    aliases  TEXT NOT NULL DEFAULT '[]',       -- JSON list of other surface forms
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE IF NOT EXISTS mentions (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(doc_id, entity_id);

CREATE TABLE IF NOT EXISTS roles (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    title     TEXT NOT NULL,
    of_entity TEXT,                            -- entity id in the same document, or NULL
    date      TEXT,                            -- the date the article gives it: its publication date
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS roles_entity ON roles(doc_id, entity_id);

CREATE TABLE IF NOT EXISTS times (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id      TEXT NOT NULL,
    text    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    type    TEXT NOT NULL,
    value   TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id         TEXT NOT NULL,
    type       TEXT NOT NULL,                  -- PLOVER type
    trigger    TEXT NOT NULL,
    date       TEXT,                           -- TIMEX3 value
    date_source TEXT,                          -- text | anchored | context | publication: a claim or a guess
    time_id    TEXT,
    place      TEXT,                           -- entity id
    modality   TEXT NOT NULL,
    source     TEXT,                           -- entity id of who reports it
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (doc_id, id)
);

CREATE TABLE IF NOT EXISTS event_actors (
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_id  TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    role      TEXT NOT NULL                    -- actor | target
);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(doc_id, event_id);

CREATE TABLE IF NOT EXISTS quotes (
    n        INTEGER PRIMARY KEY,              -- stable rowid for the FTS index
    doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    id       TEXT NOT NULL,
    text     TEXT NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    speaker  TEXT,                             -- entity id
    cue      TEXT,
    UNIQUE (doc_id, id)
);

CREATE TABLE IF NOT EXISTS amounts (
    doc_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    value   REAL NOT NULL,
    unit    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS amounts_doc ON amounts(doc_id);

CREATE TABLE IF NOT EXISTS failures (
    key    TEXT PRIMARY KEY,                   -- the input that failed (path, path:line, url)
    stage  TEXT NOT NULL,                      -- read | extract | store
    error  TEXT NOT NULL,
    at     TEXT NOT NULL
);

-- Corpus level: one actor per real-world actor, one event per real-world event.
CREATE TABLE IF NOT EXISTS actors (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,                       -- the fullest name any member uses
    type  TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS actor_members (
    actor_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    doc_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS actor_members_actor ON actor_members(actor_id);

CREATE TABLE IF NOT EXISTS corpus_events (
    id              TEXT PRIMARY KEY,
    type            TEXT NOT NULL,
    date            TEXT,                      -- the most precise date its reports give
    place           TEXT REFERENCES actors(id) ON DELETE SET NULL,
    first_reported  TEXT                       -- the earliest publication date among its reports
);
CREATE INDEX IF NOT EXISTS corpus_events_date ON corpus_events(date);

CREATE TABLE IF NOT EXISTS corpus_event_actors (
    event_id  TEXT NOT NULL REFERENCES corpus_events(id) ON DELETE CASCADE,
    actor_id  TEXT NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role      TEXT NOT NULL,                   -- actor | target
    PRIMARY KEY (event_id, actor_id, role)
);
CREATE INDEX IF NOT EXISTS corpus_event_actors_actor ON corpus_event_actors(actor_id);

CREATE TABLE IF NOT EXISTS event_reports (
    event_id   TEXT NOT NULL REFERENCES corpus_events(id) ON DELETE CASCADE,
    doc_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    doc_event  TEXT NOT NULL,                  -- event id within the document's record
    outlet     TEXT,
    published  TEXT,
    PRIMARY KEY (doc_id, doc_event)
);
CREATE INDEX IF NOT EXISTS event_reports_event ON event_reports(event_id);

-- Full-text search over article text and quotes (external content, kept in step by triggers).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='n'
);
CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.n, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.n, old.title, old.text);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS quotes_fts USING fts5(text, content='quotes', content_rowid='n');
CREATE TRIGGER IF NOT EXISTS quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.n, new.text);
END;
CREATE TRIGGER IF NOT EXISTS quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.n, old.text);
END;

-- Views for browsing the file as it is (sqlite3, Datasette): the timeline and who reported what.
CREATE VIEW IF NOT EXISTS timeline AS
SELECT e.id AS event, e.date, e.type,
       (SELECT group_concat(a.name, '; ') FROM corpus_event_actors x JOIN actors a ON a.id = x.actor_id
         WHERE x.event_id = e.id AND x.role = 'actor') AS actors,
       (SELECT group_concat(a.name, '; ') FROM corpus_event_actors x JOIN actors a ON a.id = x.actor_id
         WHERE x.event_id = e.id AND x.role = 'target') AS targets,
       p.name AS place, e.first_reported,
       (SELECT count(*) FROM event_reports r WHERE r.event_id = e.id) AS reports
FROM corpus_events e LEFT JOIN actors p ON p.id = e.place
ORDER BY coalesce(e.date, e.first_reported);

CREATE VIEW IF NOT EXISTS reports AS
SELECT r.event_id AS event, r.published, r.outlet, d.title, d.url, r.doc_id AS document, ev.trigger,
       ev.modality, ev.text AS evidence
FROM event_reports r JOIN documents d ON d.id = r.doc_id
JOIN events ev ON ev.doc_id = r.doc_id AND ev.id = r.doc_event
ORDER BY r.event_id, r.published;
