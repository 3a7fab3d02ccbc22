-- Incidents, the two texts of every letter section, and a revision of every saved text.
CREATE TABLE incidents (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
    service         TEXT NOT NULL DEFAULT '',
    severity        TEXT NOT NULL CHECK (severity IN ('sev1', 'sev2', 'sev3', 'sev4')),
    zone            TEXT NOT NULL,
    started_at      TEXT,
    detected_at     TEXT,
    mitigated_at    TEXT,
    resolved_at     TEXT,
    affected_share  REAL,
    affected_count  INTEGER,
    regions         TEXT NOT NULL DEFAULT '[]',
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE sections (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section     TEXT NOT NULL CHECK (section IN ('summary', 'details', 'wrong', 'better', 'right', 'thanks')),
    view        TEXT NOT NULL CHECK (view IN ('technical', 'customer')),
    body        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    PRIMARY KEY (incident_id, section, view)
) WITHOUT ROWID;

CREATE TABLE section_revisions (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    view        TEXT NOT NULL,
    body        TEXT NOT NULL,
    saved_at    TEXT NOT NULL,
    saved_by    TEXT NOT NULL
);
CREATE INDEX section_revisions_by_section ON section_revisions (incident_id, section, view, id);
