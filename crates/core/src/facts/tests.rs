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

#[test]
fn the_facts_are_complete_with_a_title_a_start_and_a_resolution() {
    let now = utc("2026-10-27T12:00:00Z");
    let mut facts = IncidentFacts::titled("Checkout outage");
    facts.started = Some(utc("2026-10-26T14:00:00Z"));
    assert!(!facts.derive(now).complete, "not resolved yet");
    facts.resolved = Some(utc("2026-10-26T15:00:00Z"));
    assert!(facts.derive(now).complete);
    facts.title = "  ".into();
    assert!(!facts.derive(now).complete, "no title");
}
