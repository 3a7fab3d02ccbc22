// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Measures the checks on real published letters that Candor's authors did not write:
//! the development corpus in `../shared/letters-dev/letters/` (beside the repository),
//! against the labels in `tests/corpus/labels/`, written blind. The letters are split by
//! organisation: the "tune" part is studied, the "held-out" part only measured. Writes
//! `tests/corpus/REPORT.md`. Run with `make eval`; not part of `make test`, since the
//! corpus is not in the repository.

use candor_core::checks::{HouseStyle, Level, RuleSet, markdown_letter};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The categories the labels cover.
const LABELLED: [&str; 7] = [
    "person-name",
    "vendor-blame",
    "blame-shift",
    "non-apology",
    "absolute-promise",
    "sensitive-detail",
    "jargon",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Labels {
    letter: String,
    split: String,
    good: bool,
    #[serde(default)]
    company: Vec<String>,
    #[serde(default)]
    flag: BTreeMap<String, Vec<String>>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    found: usize,
    correct: usize,
    expected: usize,
    caught: usize,
}

#[derive(Default)]
struct Split {
    letters: usize,
    words: usize,
    tallies: BTreeMap<String, Tally>,
    other: BTreeMap<String, usize>,
    false_names: usize,
    good_letters: usize,
    good_errors: usize,
    misses: Vec<String>,
    false_alarms: Vec<String>,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("CANDOR_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo().join("../shared/letters-dev/letters"))
}

/// The letter without its YAML header.
fn body(text: &str) -> &str {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        return &rest[end + 5..];
    }
    text
}

fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    if needle.is_empty() {
        return Vec::new();
    }
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

fn pct(n: usize, d: usize) -> String {
    if d == 0 {
        "–".into()
    } else {
        format!("{:.0}%", 100.0 * n as f64 / d as f64)
    }
}

#[test]
#[ignore = "needs the corpus beside the repository; run with make eval"]
fn corpus_report() {
    let dir = corpus_dir();
    assert!(
        dir.is_dir(),
        "the development corpus is not at {} (it lives in ../shared/letters-dev/letters beside \
         the repository; set CANDOR_CORPUS to another folder)",
        dir.display()
    );
    let label_dir = repo().join("tests/corpus/labels");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&label_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no labels in {}", label_dir.display());

    let mut splits: BTreeMap<String, Split> = BTreeMap::new();
    for file in &files {
        let labels: Labels = toml::from_str(&std::fs::read_to_string(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let path = dir.join(&labels.letter);
        let whole =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = body(&whole);
        let house = HouseStyle {
            products: labels.company.clone(),
            ..HouseStyle::default()
        };
        let rules = RuleSet::with_house(&house).unwrap();
        let findings = markdown_letter::check(&rules, text, &[]);
        let split = splits.entry(labels.split.clone()).or_default();
        split.letters += 1;
        split.words += text.split_whitespace().count();
        let name = labels.letter.trim_end_matches(".md");
        for category in LABELLED {
            let wanted = labels.flag.get(category).cloned().unwrap_or_default();
            let places: Vec<Vec<(usize, usize)>> =
                wanted.iter().map(|w| occurrences(text, w)).collect();
            for (w, p) in wanted.iter().zip(&places) {
                assert!(
                    !p.is_empty(),
                    "{}: \"{w}\" is not in the letter",
                    file.display()
                );
            }
            let mine: Vec<_> = findings
                .iter()
                .filter(|f| f.category.key() == category)
                .collect();
            let t = split.tallies.entry(category.to_string()).or_default();
            t.found += mine.len();
            t.expected += wanted.len();
            for f in &mine {
                let hit = places
                    .iter()
                    .flatten()
                    .any(|&p| overlaps(p, (f.start, f.end)));
                if hit {
                    t.correct += 1;
                } else {
                    if category == "person-name" {
                        split.false_names += 1;
                    }
                    split
                        .false_alarms
                        .push(format!("{name}\t{category}\t{}", f.text));
                }
            }
            for (w, p) in wanted.iter().zip(&places) {
                let caught = mine
                    .iter()
                    .any(|f| p.iter().any(|&o| overlaps(o, (f.start, f.end))));
                if caught {
                    t.caught += 1;
                } else {
                    split.misses.push(format!("{name}\t{category}\t{w}"));
                }
            }
        }
        for f in &findings {
            if !LABELLED.contains(&f.category.key()) {
                *split.other.entry(f.category.key().to_string()).or_default() += 1;
            }
        }
        if labels.good {
            split.good_letters += 1;
            split.good_errors += findings.iter().filter(|f| f.level == Level::Error).count();
        }
    }

    let mut report = String::from(
        "# The checks on real letters\n\n\
         Written by `make eval`. The letters are real published post-incident letters in \
         `../shared/letters-dev/letters/` (not in this repository); the labels in `labels/` \
         say what a careful communications reviewer would flag in each, and were written \
         before the checks were run on them. The split is by organisation: **tune** letters \
         are studied when the rules change, **held-out** letters only measured.\n\n\
         A finding is correct when it overlaps a label of its category; a label is caught \
         when a finding of its category overlaps it.\n",
    );
    for (name, s) in &splits {
        let _ = write!(
            report,
            "\n## {name} ({} letters, {} words)\n\n\
             | category | labels | found | correct | precision | recall |\n\
             |---|---:|---:|---:|---:|---:|\n",
            s.letters, s.words
        );
        for (category, t) in &s.tallies {
            let _ = writeln!(
                report,
                "| {category} | {} | {} | {} | {} | {} |",
                t.expected,
                t.found,
                t.correct,
                pct(t.correct, t.found),
                pct(t.caught, t.expected)
            );
        }
        let _ = write!(
            report,
            "\nFalse names: {:.1} per 10,000 words. Error-level findings on the {} letters \
             labelled good: {}.",
            s.false_names as f64 * 10_000.0 / s.words.max(1) as f64,
            s.good_letters,
            s.good_errors
        );
        if !s.other.is_empty() {
            let others: Vec<String> = s.other.iter().map(|(c, n)| format!("{c} {n}")).collect();
            let _ = write!(
                report,
                " Findings in unlabelled categories: {}.",
                others.join(", ")
            );
        }
        report.push('\n');
        if name == "tune" {
            // For studying, on the terminal only: the report holds no letter text.
            println!("--- tune: labels missed\n{}", s.misses.join("\n"));
            println!(
                "--- tune: findings with no label\n{}",
                s.false_alarms.join("\n")
            );
        }
    }
    let out = repo().join("tests/corpus/REPORT.md");
    std::fs::write(&out, report).unwrap();
    println!("wrote {}", out.display());
}
