use super::*;

#[test]
fn identifiers_are_system_names_not_numbers() {
    let t = "At 14:05 db-7 in pay.internal (10.0.4.12) dropped 5% of traffic for 95 min on 2026-11-17; v412 and cache_ttl too.";
    let ids = identifier_tokens(t);
    assert!(ids.contains(&"db-7"), "{ids:?}");
    assert!(ids.contains(&"pay.internal"), "{ids:?}");
    assert!(ids.contains(&"10.0.4.12"), "{ids:?}");
    assert!(ids.contains(&"cache_ttl"), "{ids:?}");
    assert!(
        !ids.iter()
            .any(|i| ["14:05", "95", "2026-11-17", "v412"].contains(i)),
        "{ids:?}"
    );
}

#[test]
fn syllables_are_roughly_right() {
    assert_eq!(syllables("outage"), 2);
    assert_eq!(syllables("customer"), 3);
    assert_eq!(syllables("the"), 1);
}
