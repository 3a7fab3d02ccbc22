-- The dated steps each published letter promised its customers, followed until done or
-- dropped. `promises_hash` on an incident is the published letter they were read from,
-- so a letter published again is read again and one published before this table is read
-- once at open.
CREATE TABLE promises (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    action_id   INTEGER REFERENCES action_items(id) ON DELETE SET NULL,
    text        TEXT NOT NULL,
    due         TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    reason      TEXT NOT NULL DEFAULT '',
    made_at     TEXT NOT NULL,
    settled_at  TEXT,
    settled_by  TEXT NOT NULL DEFAULT '',
    UNIQUE (incident_id, text)
);
CREATE INDEX promises_by_due ON promises (status, due);

ALTER TABLE incidents ADD COLUMN promises_hash TEXT;
