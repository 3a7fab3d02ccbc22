//! Checking an incident's letter as the app shows it: with the incident's people, its
//! skipped sections and its dismissed findings, and the step states that follow.

use super::engine::{CheckContext, RuleSet, TextFindings};
use super::model::{Finding, Level};
use super::run::identifiers;
use crate::{Incident, SectionKey, SectionProgress, View, section_state};

/// Whether a finding was dismissed: (section, view, rule, matched text).
pub type Dismissed<'a> = &'a dyn Fn(SectionKey, View, &str, &str) -> bool;

/// `replacing` is the text in an editor, which gets spelling and grammar too; the whole
/// letter is checked without them, since they are warnings that never change its state
/// and the letter is checked on every save.
fn context(
    rules: &RuleSet,
    incident: &Incident,
    replacing: Option<(SectionKey, View, &str)>,
) -> CheckContext {
    let people = incident.people();
    let technical_identifiers = SectionKey::ALL
        .iter()
        .flat_map(|&key| {
            let text = match replacing {
                Some((s, View::Technical, t)) if s == key => t,
                _ => &incident.letter.section(key).technical,
            };
            identifiers(text, rules, &people)
        })
        .collect();
    CheckContext {
        people,
        technical_identifiers,
        skipped: incident.skipped_sections(),
        language: replacing.is_some(),
        overdue_promises: incident
            .promises
            .iter()
            .filter(|p| p.overdue)
            .cloned()
            .collect(),
    }
}

/// Every text of the letter, with dismissed findings left out.
pub fn letter_findings(
    rules: &RuleSet,
    incident: &Incident,
    dismissed: Dismissed<'_>,
) -> Vec<TextFindings> {
    let ctx = context(rules, incident, None);
    let mut out = Vec::new();
    for key in SectionKey::ALL {
        for view in [View::Technical, View::Customer] {
            let text = incident.letter.section(key).get(view);
            let findings = rules
                .check_text(text, Some(key), view, &ctx)
                .into_iter()
                .filter(|f| !dismissed(key, view, &f.rule, &f.text))
                .collect();
            out.push(TextFindings {
                section: Some(key),
                view,
                findings,
            });
        }
    }
    out
}

/// One text as it stands in the editor now, which may be ahead of what is saved.
pub fn text_findings(
    rules: &RuleSet,
    incident: &Incident,
    section: SectionKey,
    view: View,
    text: &str,
    dismissed: Dismissed<'_>,
) -> Vec<Finding> {
    let ctx = context(rules, incident, Some((section, view, text)));
    rules
        .check_text(text, Some(section), view, &ctx)
        .into_iter()
        .filter(|f| !dismissed(section, view, &f.rule, &f.text))
        .collect()
}

/// The step states, counting open error-level findings.
pub fn progress(incident: &Incident, findings: &[TextFindings]) -> Vec<SectionProgress> {
    incident
        .progress
        .iter()
        .map(|p| {
            let errors = findings
                .iter()
                .filter(|t| t.section == Some(p.section))
                .flat_map(|t| &t.findings)
                .filter(|f| f.level == Level::Error)
                .count();
            SectionProgress {
                section: p.section,
                state: section_state(incident.letter.section(p.section), &p.mark, errors),
                mark: p.mark.clone(),
            }
        })
        .collect()
}
