-- Signatures: identity is a key, not a typed name. Verdicts and comments carry the
-- author's public key and signature; saves and incidents remember the key they were made
-- with, so a renamed profile is still the same person.
ALTER TABLE approvals ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
ALTER TABLE approvals ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN public_key TEXT NOT NULL DEFAULT '';
ALTER TABLE comments ADD COLUMN signature TEXT NOT NULL DEFAULT '';
ALTER TABLE section_revisions ADD COLUMN saved_key TEXT NOT NULL DEFAULT '';
ALTER TABLE incidents ADD COLUMN created_key TEXT NOT NULL DEFAULT '';

-- Every key this file knows, under the one name it belongs to: keys made here (their
-- private halves kept outside the database) and reviewers' keys pinned the first time a
-- package brought them, after the importer confirmed the fingerprint.
CREATE TABLE person_keys (
    public_key TEXT PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    local      INTEGER NOT NULL CHECK (local IN (0, 1)),
    pinned_at  TEXT NOT NULL,
    pinned_by  TEXT NOT NULL
) WITHOUT ROWID;

-- The audit log's last entry, signed by whoever wrote it, so a log rewritten with its
-- hash chain recomputed no longer carries a valid signature.
CREATE TABLE audit_head (
    only       INTEGER PRIMARY KEY CHECK (only = 1),
    entry_id   INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    public_key TEXT NOT NULL,
    signature  TEXT NOT NULL
);
