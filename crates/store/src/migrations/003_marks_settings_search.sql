-- What the drafter says of each section, app settings, and full-text search.
CREATE TABLE section_marks (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section     TEXT NOT NULL CHECK (section IN ('summary', 'details', 'wrong', 'better', 'right', 'thanks')),
    done        INTEGER NOT NULL DEFAULT 0,
    not_needed  TEXT,
    PRIMARY KEY (incident_id, section)
) WITHOUT ROWID;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- One row per incident (rowid = incident id): its title, and every text of its letter.
CREATE VIRTUAL TABLE search_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_text (rowid, title, body)
    SELECT i.id, i.title,
           coalesce((SELECT group_concat(s.body, char(10)) FROM sections s WHERE s.incident_id = i.id), '')
    FROM incidents i;
