-- Review: required roles per letter, verdicts bound to the text they covered, comment
-- threads, the people known on this machine, and what review and export have recorded.
ALTER TABLE incidents ADD COLUMN required_roles TEXT NOT NULL DEFAULT '["communications"]';
ALTER TABLE incidents ADD COLUMN review_requested_at TEXT;
ALTER TABLE incidents ADD COLUMN published_hash TEXT;
-- The last state written to the audit log, so a change of state is logged once. Decisions
-- never read it: the state is always derived afresh.
ALTER TABLE incidents ADD COLUMN logged_state TEXT NOT NULL DEFAULT 'draft';

CREATE TABLE approvals (
    id           INTEGER PRIMARY KEY,
    uid          TEXT NOT NULL UNIQUE,
    incident_id  INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section      TEXT CHECK (section IS NULL OR section IN ('summary', 'details', 'wrong', 'better', 'right', 'thanks')),
    reviewer     TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('communications', 'security', 'legal', 'engineering')),
    verdict      TEXT NOT NULL CHECK (verdict IN ('approve', 'request_changes')),
    comment      TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL,
    content      TEXT NOT NULL,
    at           TEXT NOT NULL
);
CREATE INDEX approvals_by_incident ON approvals (incident_id, at, id);

CREATE TABLE comments (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section     TEXT,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL CHECK (length(trim(body)) > 0),
    at          TEXT NOT NULL,
    resolved    INTEGER NOT NULL DEFAULT 0,
    parent_uid  TEXT
);
CREATE INDEX comments_by_incident ON comments (incident_id, at, id);

CREATE TABLE people (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('communications', 'security', 'legal', 'engineering'))
) WITHOUT ROWID;
