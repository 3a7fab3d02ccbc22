-- The incident log and the action items.
CREATE TABLE log_entries (
    id            INTEGER PRIMARY KEY,
    incident_id   INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    text          TEXT NOT NULL,
    author        TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL CHECK (kind IN ('detection', 'action', 'communication', 'resolution')),
    use_in_letter INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX log_entries_by_time ON log_entries (incident_id, at, id);

CREATE TABLE action_items (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    owner       TEXT NOT NULL DEFAULT '',
    due         TEXT,
    status      TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
    position    INTEGER NOT NULL
);
CREATE INDEX action_items_by_position ON action_items (incident_id, position, id);
