-- Each text's revision number, so a save based on an older copy can be refused instead of
-- overwriting newer words; and when the letter first went out, where the publishing clock
-- stops.
ALTER TABLE sections ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
UPDATE sections SET revision = max(1, (
    SELECT count(*) FROM section_revisions r
    WHERE r.incident_id = sections.incident_id AND r.section = sections.section
      AND r.view = sections.view));

ALTER TABLE incidents ADD COLUMN published_at TEXT;
UPDATE incidents SET published_at = (
    SELECT min(a.at) FROM audit_log a
    WHERE a.incident_id = incidents.id AND a.action = 'export final')
WHERE published_hash IS NOT NULL;
