//! A letter as one Markdown file: an optional `# ` title line, then one `## ` heading per
//! section (by title or key). A file whose `## ` headings are not all Candor sections is
//! one customer text, checked without the structure rules.

use super::engine::{CheckContext, RuleSet};
use super::model::Finding;
use super::text::line_column;
use crate::{SectionKey, View};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownLetter {
    /// Each section found, with the byte range of its body in the file.
    pub sections: Vec<(SectionKey, Range<usize>)>,
    /// False when the file is not laid out as a letter.
    pub is_letter: bool,
}

fn heading(line: &str) -> Option<&str> {
    line.strip_prefix("## ")
        .map(|h| h.trim().trim_end_matches('#').trim())
}

pub fn parse(text: &str) -> MarkdownLetter {
    let mut headings: Vec<(usize, usize, &str)> = Vec::new();
    let mut offset = 0;
    let mut in_fence = false;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed.trim_start().starts_with("```") || trimmed.trim_start().starts_with("~~~") {
            in_fence = !in_fence;
        }
        if !in_fence && let Some(h) = heading(trimmed) {
            headings.push((offset, offset + line.len(), h));
        }
        offset += line.len();
    }
    let keys: Vec<Option<SectionKey>> = headings.iter().map(|(_, _, h)| h.parse().ok()).collect();
    let is_letter = !headings.is_empty() && keys.iter().all(Option::is_some);
    if !is_letter {
        return MarkdownLetter {
            sections: Vec::new(),
            is_letter: false,
        };
    }
    let sections = headings
        .iter()
        .zip(keys)
        .enumerate()
        .filter_map(|(i, ((_, body_start, _), key))| {
            let end = headings
                .get(i + 1)
                .map_or(text.len(), |(start, _, _)| *start);
            key.map(|k| (k, *body_start..end))
        })
        .collect();
    MarkdownLetter {
        sections,
        is_letter: true,
    }
}

/// Checks a letter file. Offsets, lines and columns are those of the file.
pub fn check(rules: &RuleSet, text: &str, people: &[String]) -> Vec<Finding> {
    let parsed = parse(text);
    let ctx = CheckContext {
        people: people.to_vec(),
        language: true,
        ..Default::default()
    };
    if !parsed.is_letter {
        return rules.check_text(text, None, View::Customer, &ctx);
    }
    let mut out = Vec::new();
    for key in SectionKey::ALL {
        let ranges: Vec<&Range<usize>> = parsed
            .sections
            .iter()
            .filter(|(k, _)| *k == key)
            .map(|(_, r)| r)
            .collect();
        if ranges.is_empty() {
            // A section the file leaves out is an empty one.
            out.extend(rules.check_text("", Some(key), View::Customer, &ctx));
            continue;
        }
        for range in ranges {
            for mut f in rules.check_text(&text[range.clone()], Some(key), View::Customer, &ctx) {
                f.start += range.start;
                f.end += range.start;
                (f.line, f.column) = line_column(text, f.start);
                out.push(f);
            }
        }
    }
    out.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_a_letter_by_its_headings() {
        let t = "# Outage\n\n## Summary of events\n\nWe were down.\n\n## thanks\n\nThank you.\n";
        let p = parse(t);
        assert!(p.is_letter);
        let keys: Vec<SectionKey> = p.sections.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, vec![SectionKey::Summary, SectionKey::Thanks]);
        assert_eq!(t[p.sections[0].1.clone()].trim(), "We were down.");
        assert!(!parse("## Intro\n\ntext\n\n## Summary of events\n\nx").is_letter);
        assert!(!parse("Just a paragraph.").is_letter);
    }

    #[test]
    fn findings_point_into_the_file() {
        let rules = RuleSet::builtin().unwrap_or_else(|e| panic!("{e}"));
        let t = "# Outage\n\n## Summary of events\n\nWe apologize for any inconvenience.\n";
        let f = check(&rules, t, &[]);
        let hedge = f
            .iter()
            .find(|f| f.rule == "Candor.NonApology")
            .unwrap_or_else(|| panic!("{f:?}"));
        assert_eq!(&t[hedge.start..hedge.end], hedge.text);
        assert_eq!((hedge.line, hedge.column), (5, 4));
        // The sections the file leaves out are reported empty.
        assert!(
            f.iter()
                .any(|f| f.rule == "Candor.EmptySection" && f.section == Some(SectionKey::Thanks))
        );
    }
}
