//! Times are stored as RFC 3339 text in UTC with milliseconds, which sorts as it reads.

use crate::StoreError;
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

pub(crate) fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub(crate) fn now_stamp() -> String {
    stamp(Utc::now())
}

pub(crate) fn parse_stamp(s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Internal(format!("unreadable time {s:?} in the database")))
}

pub(crate) fn parse_opt_stamp(s: Option<String>) -> Result<Option<DateTime<Utc>>, StoreError> {
    s.as_deref().map(parse_stamp).transpose()
}

pub(crate) fn parse_date(s: Option<String>) -> Result<Option<NaiveDate>, StoreError> {
    s.map(|d| {
        NaiveDate::parse_from_str(&d, "%Y-%m-%d")
            .map_err(|_| StoreError::Internal(format!("unreadable date {d:?} in the database")))
    })
    .transpose()
}
