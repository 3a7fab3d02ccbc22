//! Times as people type and read them, on the wall clock of the incident's zone.

use super::FactsError;
use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

pub fn parse_zone(zone: &str) -> Result<Tz, FactsError> {
    zone.trim()
        .parse::<Tz>()
        .map_err(|_| FactsError::UnknownZone(zone.trim().to_string()))
}

/// Reads a time as a person or a script writes it: RFC 3339 with an offset
/// (`2026-10-26T18:05:00Z`), or a wall-clock time in `zone` (`2026-10-26T14:05`,
/// `2026-10-26 14:05:30`). An empty string is no time. A wall-clock time that falls in a
/// clock change's gap is refused; one that occurs twice takes the earlier instant.
pub fn parse_time(
    field: &'static str,
    value: &str,
    zone: Tz,
) -> Result<Option<DateTime<Utc>>, FactsError> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let with_offset = DateTime::parse_from_rfc3339(value)
        .or_else(|_| DateTime::parse_from_str(value, "%Y-%m-%dT%H:%M%#z"));
    if let Ok(t) = with_offset {
        return Ok(Some(t.with_timezone(&Utc)));
    }
    let bad = || FactsError::BadTime {
        field,
        value: value.to_string(),
    };
    let naive = [
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
    .ok_or_else(bad)?;
    match zone.from_local_datetime(&naive) {
        LocalResult::Single(t) => Ok(Some(t.with_timezone(&Utc))),
        LocalResult::Ambiguous(first, _) => Ok(Some(first.with_timezone(&Utc))),
        LocalResult::None => Err(FactsError::SkippedLocalTime {
            field,
            value: value.to_string(),
            zone: zone.name().to_string(),
        }),
    }
}

/// A UTC time as the wall clock of `zone` shows it, in the form the facts form takes
/// (`2026-10-26 14:05`).
pub fn to_local_input(t: Option<DateTime<Utc>>, zone: Tz) -> String {
    t.map(|t| t.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_default()
}

/// A UTC time for people: `2026-10-26 14:05 EDT`.
pub fn display_time(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}
