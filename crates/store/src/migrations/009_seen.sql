-- When each person last looked at each letter in review, so the review shows what changed
-- since and the list marks letters with changes they have not seen.
CREATE TABLE seen (
    incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    person      TEXT NOT NULL COLLATE NOCASE,
    at          TEXT NOT NULL,
    PRIMARY KEY (incident_id, person)
) WITHOUT ROWID;
