-- Findings dismissed with a reason, and the append-only audit log. Each audit row holds the
-- hash of the row before it, so an edit anywhere in history breaks the chain.
CREATE TABLE dismissals (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    section     TEXT NOT NULL,
    view        TEXT NOT NULL,
    rule        TEXT NOT NULL,
    text        TEXT NOT NULL,
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    dismissed_by TEXT NOT NULL,
    dismissed_at TEXT NOT NULL,
    UNIQUE (incident_id, section, view, rule, text)
);

CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY,
    incident_id  INTEGER,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    detail       TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_log_by_incident ON audit_log (incident_id, id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;
