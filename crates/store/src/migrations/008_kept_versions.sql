-- Compacting old autosaves marks the saves it keeps, so a later compaction (and the
-- history people read) always treats each as the end of a version of its own.
ALTER TABLE section_revisions ADD COLUMN kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1));
