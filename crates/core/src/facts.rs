//! Incident facts: what is entered once about an incident, how it is validated, and what
//! is derived from it (duration, time to detect, the publishing clock, the letter rule).

use chrono::{DateTime, LocalResult, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// How long after resolution the letter should be out.
pub const PUBLISH_TARGET_HOURS: f64 = 24.0;
/// From this many hours after resolution the publishing clock turns amber.
pub const PUBLISH_WARN_HOURS: f64 = 18.0;
/// "More than a few minutes", for the write-a-letter rule of thumb.
pub const LETTER_RULE_MINUTES: i64 = 5;
/// "More than half the customers", for the write-a-letter rule of thumb.
pub const LETTER_RULE_SHARE: f64 = 50.0;
pub const TITLE_MAX_CHARS: usize = 200;
/// How far ahead of this machine's clock a time may be before it counts as the future.
pub const CLOCK_SKEW_SECONDS: i64 = 60;

/// `sev1` is the most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Sev1,
    #[default]
    Sev2,
    Sev3,
    Sev4,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Sev1 => "sev1",
            Severity::Sev2 => "sev2",
            Severity::Sev3 => "sev3",
            Severity::Sev4 => "sev4",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Severity {
    type Err = FactsError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().replace([' ', '-'], "").as_str() {
            "sev1" | "1" => Ok(Severity::Sev1),
            "sev2" | "2" => Ok(Severity::Sev2),
            "sev3" | "3" => Ok(Severity::Sev3),
            "sev4" | "4" => Ok(Severity::Sev4),
            _ => Err(FactsError::UnknownSeverity(s.trim().to_string())),
        }
    }
}

/// The facts of an incident, times in UTC. Entered once, used by the wizard and the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IncidentFacts {
    pub title: String,
    /// The affected product or service, as customers know it.
    pub service: String,
    pub severity: Severity,
    /// IANA name of the zone the letter shows times in, e.g. `America/New_York`.
    pub zone: String,
    pub started: Option<DateTime<Utc>>,
    pub detected: Option<DateTime<Utc>>,
    pub mitigated: Option<DateTime<Utc>>,
    pub resolved: Option<DateTime<Utc>>,
    /// Percent of customers affected, 0–100.
    pub affected_share: Option<f64>,
    #[ts(type = "number | null")]
    pub affected_count: Option<i64>,
    pub regions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FactsError {
    #[error("the incident needs a title")]
    EmptyTitle,
    #[error("the title is too long: keep it under {TITLE_MAX_CHARS} characters")]
    TitleTooLong,
    #[error(
        "\"{0}\" is not a time zone Candor knows: use an IANA name such as America/New_York or Europe/Berlin"
    )]
    UnknownZone(String),
    #[error("\"{0}\" is not a severity: use sev1, sev2, sev3 or sev4")]
    UnknownSeverity(String),
    #[error("the {later} time is before the {earlier} time: check both")]
    OutOfOrder {
        later: &'static str,
        earlier: &'static str,
    },
    #[error("the share of customers affected must be between 0 and 100 percent, not {0}")]
    ShareOutOfRange(f64),
    #[error("the number of customers affected cannot be negative")]
    NegativeCount,
    #[error(
        "the {field} time is in the future: enter when it happened, or leave it empty until it has"
    )]
    InFuture { field: &'static str },
    #[error(
        "\"{value}\" is not a {field} time Candor can read: use YYYY-MM-DD HH:MM (e.g. 2026-10-26 14:05) or a full ISO 8601 time with offset"
    )]
    BadTime { field: &'static str, value: String },
    #[error(
        "{value} does not exist in {zone} (the clocks jump forward then): enter the {field} time just after the change"
    )]
    SkippedLocalTime {
        field: &'static str,
        value: String,
        zone: String,
    },
}

/// The order times must keep, earliest first.
const TIME_ORDER: [&str; 4] = ["started", "detected", "mitigated", "resolved"];

impl IncidentFacts {
    /// A new incident with just a title; the rest is filled in as it becomes known.
    pub fn titled(title: impl Into<String>) -> Self {
        IncidentFacts {
            title: title.into(),
            service: String::new(),
            severity: Severity::default(),
            zone: "UTC".to_string(),
            started: None,
            detected: None,
            mitigated: None,
            resolved: None,
            affected_share: None,
            affected_count: None,
            regions: Vec::new(),
        }
    }

    pub fn time_zone(&self) -> Result<Tz, FactsError> {
        parse_zone(&self.zone)
    }

    fn times(&self) -> [Option<DateTime<Utc>>; 4] {
        [self.started, self.detected, self.mitigated, self.resolved]
    }

    /// Trims what the user typed and checks every rule; returns the facts as they would be
    /// stored, or the first problem found.
    pub fn validated(mut self) -> Result<Self, FactsError> {
        self.title = self.title.trim().to_string();
        self.service = self.service.trim().to_string();
        self.zone = self.zone.trim().to_string();
        self.regions = self
            .regions
            .iter()
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .collect();
        if self.title.is_empty() {
            return Err(FactsError::EmptyTitle);
        }
        if self.title.chars().count() > TITLE_MAX_CHARS {
            return Err(FactsError::TitleTooLong);
        }
        self.time_zone()?;
        let times = self.times();
        for later in 1..times.len() {
            for earlier in 0..later {
                if let (Some(e), Some(l)) = (times[earlier], times[later])
                    && l < e
                {
                    return Err(FactsError::OutOfOrder {
                        later: TIME_ORDER[later],
                        earlier: TIME_ORDER[earlier],
                    });
                }
            }
        }
        if let Some(share) = self.affected_share
            && !(0.0..=100.0).contains(&share)
        {
            return Err(FactsError::ShareOutOfRange(share));
        }
        if self.affected_count.is_some_and(|n| n < 0) {
            return Err(FactsError::NegativeCount);
        }
        Ok(self)
    }

    /// Refuses a time later than `now` (beyond a minute, for clocks that differ a little):
    /// an incident cannot have been resolved tomorrow.
    pub fn check_not_future(&self, now: DateTime<Utc>) -> Result<(), FactsError> {
        let limit = now + chrono::Duration::seconds(CLOCK_SKEW_SECONDS);
        for (field, time) in TIME_ORDER.iter().zip(self.times()) {
            if time.is_some_and(|t| t > limit) {
                return Err(FactsError::InFuture { field });
            }
        }
        Ok(())
    }

    /// What follows from the facts at the moment `now`, for a letter never published.
    pub fn derive(&self, now: DateTime<Utc>) -> DerivedFacts {
        self.derive_published(now, None)
    }

    /// What follows from the facts at the moment `now`; once the letter was first published
    /// at `published`, the publishing clock stops there.
    pub fn derive_published(
        &self,
        now: DateTime<Utc>,
        published: Option<DateTime<Utc>>,
    ) -> DerivedFacts {
        let minutes = |a: Option<DateTime<Utc>>, b: Option<DateTime<Utc>>| match (a, b) {
            (Some(a), Some(b)) => Some((b - a).num_minutes()),
            _ => None,
        };
        let ongoing = self.started.is_some() && self.resolved.is_none();
        let duration_minutes = if ongoing {
            minutes(self.started, Some(now))
        } else {
            minutes(self.started, self.resolved)
        };
        let hours_since_resolution = self
            .resolved
            .map(|r| (now - r).num_seconds() as f64 / 3600.0);
        let hours_to_publish = match (self.resolved, published) {
            (Some(r), Some(p)) => Some((p - r).num_seconds().max(0) as f64 / 3600.0),
            _ => None,
        };
        let publish_clock = match hours_since_resolution {
            _ if published.is_some() => PublishClock::Published,
            None => PublishClock::NotResolved,
            Some(h) if h > PUBLISH_TARGET_HOURS => PublishClock::Overdue,
            Some(h) if h >= PUBLISH_WARN_HOURS => PublishClock::DueSoon,
            Some(_) => PublishClock::OnTime,
        };
        let meets_letter_rule = match (self.affected_share, duration_minutes) {
            (Some(share), Some(d)) => Some(share > LETTER_RULE_SHARE && d > LETTER_RULE_MINUTES),
            // A short or small incident fails the rule whatever the missing fact turns out to be.
            (Some(share), None) if share <= LETTER_RULE_SHARE => Some(false),
            (None, Some(d)) if d <= LETTER_RULE_MINUTES => Some(false),
            _ => None,
        };
        DerivedFacts {
            ongoing,
            duration_minutes,
            time_to_detect_minutes: minutes(self.started, self.detected),
            time_to_mitigate_minutes: minutes(self.started, self.mitigated),
            hours_since_resolution,
            hours_to_publish,
            publish_clock,
            meets_letter_rule,
        }
    }
}

/// Where the letter stands against the 24-hour publishing target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublishClock {
    NotResolved,
    OnTime,
    DueSoon,
    Overdue,
    /// The letter went out; the clock stopped then.
    Published,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct DerivedFacts {
    /// Started but not yet resolved: the duration runs to now.
    pub ongoing: bool,
    #[ts(type = "number | null")]
    pub duration_minutes: Option<i64>,
    #[ts(type = "number | null")]
    pub time_to_detect_minutes: Option<i64>,
    #[ts(type = "number | null")]
    pub time_to_mitigate_minutes: Option<i64>,
    pub hours_since_resolution: Option<f64>,
    /// From resolution to the first final export, once the letter is published.
    pub hours_to_publish: Option<f64>,
    pub publish_clock: PublishClock,
    /// More than half the customers for more than a few minutes; `None` while unknown.
    pub meets_letter_rule: Option<bool>,
}

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

/// The facts form as the user edits it: times are wall-clock strings in `zone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS, Default)]
pub struct FactsDraft {
    pub title: String,
    pub service: String,
    pub severity: Severity,
    pub zone: String,
    pub started: String,
    pub detected: String,
    pub mitigated: String,
    pub resolved: String,
    pub affected_share: Option<f64>,
    #[ts(type = "number | null")]
    pub affected_count: Option<i64>,
    pub regions: Vec<String>,
}

impl FactsDraft {
    pub fn from_facts(facts: &IncidentFacts) -> Self {
        let zone = facts.time_zone().unwrap_or(Tz::UTC);
        FactsDraft {
            title: facts.title.clone(),
            service: facts.service.clone(),
            severity: facts.severity,
            zone: facts.zone.clone(),
            started: to_local_input(facts.started, zone),
            detected: to_local_input(facts.detected, zone),
            mitigated: to_local_input(facts.mitigated, zone),
            resolved: to_local_input(facts.resolved, zone),
            affected_share: facts.affected_share,
            affected_count: facts.affected_count,
            regions: facts.regions.clone(),
        }
    }

    pub fn into_facts(self) -> Result<IncidentFacts, FactsError> {
        let zone = parse_zone(&self.zone)?;
        IncidentFacts {
            started: parse_time("started", &self.started, zone)?,
            detected: parse_time("detected", &self.detected, zone)?,
            mitigated: parse_time("mitigated", &self.mitigated, zone)?,
            resolved: parse_time("resolved", &self.resolved, zone)?,
            title: self.title,
            service: self.service,
            severity: self.severity,
            zone: zone.name().to_string(),
            affected_share: self.affected_share,
            affected_count: self.affected_count,
            regions: self.regions,
        }
        .validated()
    }

    /// What to store when someone edited `base` into `self` while the stored facts became
    /// `stored`: each field they changed comes from their edit, every other field stays as
    /// stored, so a form never writes back a value it did not touch.
    pub fn merged_onto(self, base: &FactsDraft, stored: FactsDraft) -> FactsDraft {
        fn pick<T: PartialEq>(edited: T, base: &T, stored: T) -> T {
            if edited != *base { edited } else { stored }
        }
        FactsDraft {
            title: pick(self.title, &base.title, stored.title),
            service: pick(self.service, &base.service, stored.service),
            severity: pick(self.severity, &base.severity, stored.severity),
            zone: pick(self.zone, &base.zone, stored.zone),
            started: pick(self.started, &base.started, stored.started),
            detected: pick(self.detected, &base.detected, stored.detected),
            mitigated: pick(self.mitigated, &base.mitigated, stored.mitigated),
            resolved: pick(self.resolved, &base.resolved, stored.resolved),
            affected_share: pick(
                self.affected_share,
                &base.affected_share,
                stored.affected_share,
            ),
            affected_count: pick(
                self.affected_count,
                &base.affected_count,
                stored.affected_count,
            ),
            regions: pick(self.regions, &base.regions, stored.regions),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default()
    }

    fn facts() -> IncidentFacts {
        IncidentFacts {
            started: Some(utc("2026-10-26T18:00:00Z")),
            detected: Some(utc("2026-10-26T18:12:00Z")),
            mitigated: Some(utc("2026-10-26T19:00:00Z")),
            resolved: Some(utc("2026-10-26T20:35:00Z")),
            affected_share: Some(60.0),
            zone: "America/New_York".into(),
            ..IncidentFacts::titled("Checkout unavailable")
        }
    }

    #[test]
    fn derives_duration_detection_and_clock() {
        let d = facts().derive(utc("2026-10-27T10:35:00Z"));
        assert_eq!(d.duration_minutes, Some(155));
        assert_eq!(d.time_to_detect_minutes, Some(12));
        assert_eq!(d.time_to_mitigate_minutes, Some(60));
        assert_eq!(d.hours_since_resolution, Some(14.0));
        assert_eq!(d.publish_clock, PublishClock::OnTime);
        assert_eq!(d.meets_letter_rule, Some(true));
        assert!(!d.ongoing);
    }

    #[test]
    fn a_merge_keeps_what_the_edit_did_not_touch() {
        let stored = FactsDraft::from_facts(&facts());
        let stale = FactsDraft {
            zone: "UTC".into(),
            ..FactsDraft::default()
        };
        let edited = FactsDraft {
            affected_share: Some(12.0),
            ..stale.clone()
        };
        let merged = edited.merged_onto(&stale, stored.clone());
        assert_eq!(merged.affected_share, Some(12.0));
        assert_eq!(merged.zone, stored.zone);
        assert_eq!(merged.started, stored.started);
        assert_eq!(merged.resolved, stored.resolved);
        assert_eq!(merged.title, stored.title);
    }

    #[test]
    fn times_in_the_future_are_refused_beyond_a_minute_of_skew() {
        let f = facts();
        let resolved = f.resolved.unwrap_or_default();
        assert!(f.check_not_future(resolved).is_ok());
        assert!(
            f.check_not_future(resolved - chrono::Duration::seconds(30))
                .is_ok()
        );
        assert_eq!(
            f.check_not_future(resolved - chrono::Duration::minutes(5)),
            Err(FactsError::InFuture { field: "resolved" })
        );
    }

    #[test]
    fn the_publishing_clock_stops_at_publication() {
        let f = facts();
        let resolved = f.resolved.unwrap_or_default();
        let d = f.derive_published(
            resolved + chrono::Duration::days(900),
            Some(resolved + chrono::Duration::hours(6)),
        );
        assert_eq!(d.publish_clock, PublishClock::Published);
        assert_eq!(d.hours_to_publish, Some(6.0));
    }

    #[test]
    fn publishing_clock_turns_amber_then_red() {
        let f = facts();
        assert_eq!(
            f.derive(utc("2026-10-27T15:00:00Z")).publish_clock,
            PublishClock::DueSoon
        );
        assert_eq!(
            f.derive(utc("2026-10-27T20:36:00Z")).publish_clock,
            PublishClock::Overdue
        );
        let unresolved = IncidentFacts {
            resolved: None,
            ..f
        };
        let d = unresolved.derive(utc("2026-10-26T18:30:00Z"));
        assert_eq!(d.publish_clock, PublishClock::NotResolved);
        assert!(d.ongoing);
        assert_eq!(d.duration_minutes, Some(30));
    }

    #[test]
    fn letter_rule_needs_half_the_customers_for_more_than_a_few_minutes() {
        let now = utc("2026-10-28T00:00:00Z");
        let small = IncidentFacts {
            affected_share: Some(50.0),
            ..facts()
        };
        assert_eq!(small.derive(now).meets_letter_rule, Some(false));
        let blip = IncidentFacts {
            resolved: Some(utc("2026-10-26T18:04:00Z")),
            detected: None,
            mitigated: None,
            ..facts()
        };
        assert_eq!(blip.derive(now).meets_letter_rule, Some(false));
        let unknown = IncidentFacts {
            affected_share: None,
            ..facts()
        };
        assert_eq!(unknown.derive(now).meets_letter_rule, None);
    }

    #[test]
    fn refuses_bad_facts_with_clear_reasons() {
        assert_eq!(
            IncidentFacts::titled("  ").validated(),
            Err(FactsError::EmptyTitle)
        );
        let zone = IncidentFacts {
            zone: "Mars/Olympus".into(),
            ..facts()
        };
        assert_eq!(
            zone.validated(),
            Err(FactsError::UnknownZone("Mars/Olympus".into()))
        );
        let backwards = IncidentFacts {
            resolved: Some(utc("2026-10-26T17:00:00Z")),
            ..facts()
        };
        let err = backwards.validated().err();
        assert_eq!(
            err,
            Some(FactsError::OutOfOrder {
                later: "resolved",
                earlier: "started"
            })
        );
        assert_eq!(
            err.map(|e| e.to_string()).unwrap_or_default(),
            "the resolved time is before the started time: check both"
        );
        let share = IncidentFacts {
            affected_share: Some(140.0),
            ..facts()
        };
        assert_eq!(share.validated(), Err(FactsError::ShareOutOfRange(140.0)));
    }

    #[test]
    fn validation_trims_and_drops_empty_regions() {
        let f = IncidentFacts {
            title: "  Outage ".into(),
            regions: vec![" eu-west ".into(), " ".into()],
            ..facts()
        };
        let f = f.validated().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.title, "Outage");
        assert_eq!(f.regions, vec!["eu-west".to_string()]);
    }

    #[test]
    fn reads_local_and_offset_times() {
        let ny = parse_zone("America/New_York").unwrap_or(Tz::UTC);
        assert_eq!(
            parse_time("started", "2026-10-26T14:05", ny),
            Ok(Some(utc("2026-10-26T18:05:00Z")))
        );
        assert_eq!(
            parse_time("started", "2026-10-26T18:05:00Z", ny),
            Ok(Some(utc("2026-10-26T18:05:00Z")))
        );
        assert_eq!(
            parse_time("started", "2026-10-26T18:05Z", ny),
            Ok(Some(utc("2026-10-26T18:05:00Z")))
        );
        assert_eq!(
            parse_time("started", "2026-10-26T20:05+02:00", ny),
            Ok(Some(utc("2026-10-26T18:05:00Z")))
        );
        assert_eq!(parse_time("started", " ", ny), Ok(None));
        assert!(matches!(
            parse_time("started", "yesterday", ny),
            Err(FactsError::BadTime { .. })
        ));
        // 02:30 on the spring-forward day does not exist in New York.
        assert!(matches!(
            parse_time("started", "2026-03-08T02:30", ny),
            Err(FactsError::SkippedLocalTime { .. })
        ));
    }

    #[test]
    fn draft_round_trips_through_the_zone() {
        let f = facts();
        let draft = FactsDraft::from_facts(&f);
        assert_eq!(draft.started, "2026-10-26 14:00");
        assert_eq!(draft.into_facts(), Ok(f));
    }

    #[test]
    fn displays_in_the_zone_with_its_abbreviation() {
        let ny = parse_zone("America/New_York").unwrap_or(Tz::UTC);
        assert_eq!(
            display_time(utc("2026-10-26T18:05:00Z"), ny),
            "2026-10-26 14:05 EDT"
        );
    }

    #[test]
    fn parses_severity() {
        assert_eq!("SEV-1".parse::<Severity>(), Ok(Severity::Sev1));
        assert!("urgent".parse::<Severity>().is_err());
    }
}
