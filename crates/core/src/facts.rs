//! Incident facts: what is entered once about an incident, how it is validated, and what
//! is derived from it (duration, time to detect, the publishing clock, the letter rule).

use chrono::{DateTime, Utc};
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
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    TS,
    Default,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    Sev1,
    #[default]
    Sev2,
    Sev3,
    Sev4,
}

impl Severity {
    pub fn key(self) -> &'static str {
        self.into()
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
            complete: !self.title.trim().is_empty()
                && self.started.is_some()
                && self.resolved.is_some(),
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
    /// The facts step is done: a title, and when it started and was resolved.
    pub complete: bool,
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

mod time;

pub use time::{display_time, parse_time, parse_zone, to_local_input};

#[cfg(test)]
mod tests;
