//! Full-text search over titles and every text of every letter (SQLite FTS5).

use crate::incidents::{FACTS_COLUMNS, IncidentRow};
use crate::{Store, StoreError};
use candor_core::IncidentSummary;
use chrono::Utc;

/// What a person typed as an FTS5 query: every word must appear, each as a prefix, and
/// no character of theirs is read as query syntax.
fn fts_query(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Store {
    /// Incidents whose title or letter holds every word typed, best match first. An empty
    /// query lists every incident, newest first.
    pub fn search_incidents(&self, typed: &str) -> Result<Vec<IncidentSummary>, StoreError> {
        let Some(query) = fts_query(typed) else {
            return self.list_incidents();
        };
        let now = Utc::now();
        let columns = FACTS_COLUMNS
            .split(", ")
            .map(|c| format!("i.{}", c.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        self.read(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {columns} FROM search_text JOIN incidents i ON i.id = search_text.rowid
                 WHERE search_text MATCH ?1 ORDER BY bm25(search_text, 4.0, 1.0), i.id DESC"
            ))?;
            let rows = stmt
                .query_map([query], IncidentRow::read)?
                .collect::<Result<Vec<_>, _>>()?;
            rows.into_iter().map(|row| row.summary(now)).collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_text_becomes_prefix_terms_without_syntax() {
        assert_eq!(fts_query("check out"), Some("\"check\"* \"out\"*".into()));
        assert_eq!(
            fts_query("\"NEAR(a b)\" OR -x*"),
            Some("\"NEAR\"* \"a\"* \"b\"* \"OR\"* \"x\"*".into())
        );
        assert_eq!(fts_query("  -- "), None);
    }
}
