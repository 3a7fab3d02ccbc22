//! Checks and preview on a 5,000-word letter: the target is 2 ms median in release.

use candor_core::checks::RuleSet;
use candor_core::{Letter, SectionKey, View, render};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A 5,000-word letter made of the sample letters' paragraphs, spread over the sections,
/// with the same amount of technical text beside it.
fn big_letter() -> Letter {
    let sample = include_str!("../../../tests/letters/01-good-reminders.md");
    let paragraphs: Vec<&str> = sample
        .split("\n\n")
        .filter(|p| !p.starts_with('#'))
        .collect();
    let mut letter = Letter::default();
    let mut words = 0;
    let mut i = 0;
    while words < 5_000 {
        let key = SectionKey::ALL[i % SectionKey::ALL.len()];
        let p = paragraphs[i % paragraphs.len()];
        let texts = letter.section_mut(key);
        texts.customer.push_str(p);
        texts.customer.push_str("\n\n");
        texts
            .technical
            .push_str("db-7 failover at 14:05; pay-router-3 timeouts; Priya rolled back v412.\n\n");
        words += p.split_whitespace().count();
        i += 1;
    }
    letter
}

fn bench(c: &mut Criterion) {
    let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("{e}"));
    let letter = big_letter();
    let people = vec!["Priya Raman".to_string()];
    c.bench_function("check 5,000-word letter", |b| {
        b.iter(|| black_box(rules.check_letter(black_box(&letter), &people, &[])))
    });
    c.bench_function("check + preview of one 5,000-word text", |b| {
        let mut all = String::new();
        for key in SectionKey::ALL {
            all.push_str(letter.section(key).get(View::Customer));
        }
        let ctx = candor_core::checks::CheckContext::default();
        b.iter(|| {
            black_box(rules.check_text(
                black_box(&all),
                Some(SectionKey::Details),
                View::Customer,
                &ctx,
            ));
            black_box(render::markdown_html(black_box(&all)));
        })
    });
    // The editor's text after one edit: spelling and grammar have not seen it before, so
    // their cache does not answer. Target 150 ms for a 1,000-word section.
    let mut section = String::new();
    for key in SectionKey::ALL {
        section.push_str(letter.section(key).get(View::Customer));
    }
    let section: String = section
        .split_inclusive(' ')
        .take(1_000)
        .collect::<Vec<_>>()
        .concat();
    candor_core::checks::language::warm_up();
    let mut edit = 0u64;
    c.bench_function(
        "spelling and grammar of an edited 1,000-word section",
        |b| {
            b.iter(|| {
                edit += 1;
                let text = format!("{section} Edit {edit}.");
                black_box(candor_core::checks::language::findings(
                    black_box(&text),
                    &[],
                    &[],
                    Some(SectionKey::Details),
                ))
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
