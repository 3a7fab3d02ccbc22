//! Running the compiled rules over a text, and over every text of a letter.

use super::detect;
use super::engine::{CheckContext, RuleSet, TextFindings};
use super::model::{Category, Finding};
use super::rules::{Rule, RuleType};
use super::text::{inside, line_column, non_prose};
use crate::{Letter, SectionKey, View};
use std::collections::HashSet;

impl RuleSet {
    /// Checks one text. `section` is `None` for a text that is not a letter section, in
    /// which case the structure rules do not run.
    pub fn check_text(
        &self,
        text: &str,
        section: Option<SectionKey>,
        view: View,
        ctx: &CheckContext,
    ) -> Vec<Finding> {
        let mut out: Vec<Finding> = Vec::new();
        if section.is_some_and(|s| ctx.skipped.contains(&s)) {
            return out;
        }
        let masked = non_prose(text);
        let applies: Vec<bool> = self
            .rules
            .iter()
            .map(|r| r.applies_to(section, view))
            .collect();
        let mut push =
            |rule: &Rule, start: usize, end: usize, message: String, fix: Option<String>| {
                let (line, column) = line_column(text, start);
                out.push(Finding {
                    rule: rule.def.id.clone(),
                    category: rule.def.category,
                    level: rule.def.level,
                    section,
                    message,
                    text: text[start..end].to_string(),
                    start,
                    end,
                    line,
                    column,
                    fix,
                });
            };

        // Every listed term, in one pass.
        let mut occurrences = vec![0usize; self.rules.len()];
        let mut vendor_hits = Vec::new();
        for m in self.automaton.find_iter(text) {
            let term = &self.terms[m.pattern().as_usize()];
            let rule = &self.rules[term.rule];
            if !applies[term.rule] || inside(&masked, m.start()) {
                continue;
            }
            let mut end = m.end();
            // A plural ("VLANs") counts as the term.
            if text[end..].starts_with('s') && !is_word_char(text[end + 1..].chars().next()) {
                end += 1;
            }
            if !boundary(text, m.start(), end) {
                continue;
            }
            let matched = &text[m.start()..end];
            if term.exact_case && !matched.starts_with(term.text.as_str()) {
                continue;
            }
            if rule.is_exception(matched) {
                continue;
            }
            match rule.def.kind {
                RuleType::Existence | RuleType::Substitution => {
                    push(
                        rule,
                        m.start(),
                        end,
                        rule.message_for(matched),
                        term.fix.clone(),
                    );
                }
                RuleType::Capitalization if matched != term.text => {
                    push(
                        rule,
                        m.start(),
                        end,
                        rule.message_for(&term.text),
                        term.fix.clone(),
                    );
                }
                RuleType::Occurrence => {
                    occurrences[term.rule] += 1;
                    if Some(occurrences[term.rule]) == rule.def.max.map(|m| m + 1) {
                        push(rule, m.start(), end, rule.message_for(matched), None);
                    }
                }
                RuleType::VendorBlame => vendor_hits.push((term.rule, m.start(), end)),
                _ => {}
            }
        }

        // Most texts match few patterns: one pass over the set finds which to run.
        let mut pattern_hits = vec![false; self.pattern_owners.len()];
        if self.pattern_owners.iter().any(|&(r, _)| applies[r]) {
            for i in self.patterns.matches(text).iter() {
                pattern_hits[i] = true;
            }
        }
        for (i, rule) in self.rules.iter().enumerate() {
            if !applies[i] {
                continue;
            }
            match rule.def.kind {
                RuleType::Pattern => {
                    let matching = self
                        .pattern_owners
                        .iter()
                        .zip(&pattern_hits)
                        .filter(|((r, _), hit)| *r == i && **hit)
                        .map(|((_, j), _)| &rule.regexes[*j]);
                    for re in matching {
                        // A pattern with a group reports the group: the context around it
                        // only decides whether it counts.
                        let found: Vec<regex::Match<'_>> = if re.captures_len() > 1 {
                            re.captures_iter(text).filter_map(|c| c.get(1)).collect()
                        } else {
                            re.find_iter(text).collect()
                        };
                        for m in found {
                            // Sensitive details count inside code too; other patterns read prose only.
                            if rule.def.category != Category::SensitiveDetail
                                && inside(&masked, m.start())
                            {
                                continue;
                            }
                            if m.is_empty() || rule.is_exception(m.as_str()) {
                                continue;
                            }
                            push(
                                rule,
                                m.start(),
                                m.end(),
                                rule.message_for(m.as_str()),
                                rule.def.fix.clone(),
                            );
                        }
                    }
                }
                RuleType::Readability => {
                    for (start, end, message) in detect::readability(text, &masked, rule) {
                        push(rule, start, end, message, None);
                    }
                }
                RuleType::PersonName => {
                    // Words the house style allows ("Tessa Fenwick") are not read as names at all.
                    let lower = text.to_lowercase();
                    let mut hidden = masked.clone();
                    for allowed in &rule.exceptions {
                        hidden.extend(
                            lower
                                .match_indices(allowed.as_str())
                                .map(|(i, m)| i..i + m.len()),
                        );
                    }
                    for (start, end) in detect::person_names(self, text, &hidden, &ctx.people) {
                        let name = &text[start..end];
                        if !rule.is_exception(name) {
                            push(
                                rule,
                                start,
                                end,
                                rule.message_for(name),
                                rule.def.fix.clone(),
                            );
                        }
                    }
                }
                RuleType::VendorBlame => {
                    let mut hits: Vec<(usize, usize)> = vendor_hits
                        .iter()
                        .filter(|(r, _, _)| *r == i)
                        .map(|&(_, s, e)| (s, e))
                        .collect();
                    // Third parties the letter introduces itself count as well.
                    for (s, e) in detect::introduced_vendors(text) {
                        if !inside(&masked, s) && !hits.iter().any(|&(hs, he)| hs < e && s < he) {
                            hits.push((s, e));
                        }
                    }
                    // The letter's own company and products are never a third party.
                    let own: Vec<String> = self.own_names().map(str::to_lowercase).collect();
                    hits.retain(|&(s, e)| {
                        let name = text[s..e].to_lowercase();
                        !own.iter().any(|o| *o == name || name.contains(o.as_str()))
                    });
                    hits.sort_unstable();
                    for (start, end) in detect::vendor_blame(text, &hits, rule) {
                        push(rule, start, end, rule.message_for(&text[start..end]), None);
                    }
                }
                RuleType::Leak => {
                    for (start, end) in detect::leaks(text, &masked, &ctx.technical_identifiers) {
                        push(rule, start, end, rule.message_for(&text[start..end]), None);
                    }
                }
                RuleType::Structure => {
                    if let (Some(section), Some(check)) = (section, rule.def.check)
                        && detect::structure_fails(text, section, check)
                    {
                        push(rule, 0, 0, rule.message_for(section.title()), None);
                    }
                }
                RuleType::FollowUp => {
                    for promise in &ctx.overdue_promises {
                        if !crate::promise::mentions(text, &promise.text) {
                            let message = format!(
                                "{} It promised: \u{201c}{}\u{201d}, by {}.",
                                rule.message_for(&promise.incident_title),
                                promise.text,
                                promise.due.format("%B %-d, %Y")
                            );
                            push(rule, 0, 0, message, None);
                        }
                    }
                }
                _ => {}
            }
        }
        // One finding per place: where a person-name finding stands, a leak of the same
        // words adds nothing.
        let names: Vec<(usize, usize)> = out
            .iter()
            .filter(|f| f.category == Category::PersonName)
            .map(|f| (f.start, f.end))
            .collect();
        out.retain(|f| {
            f.category != Category::Leak || !names.iter().any(|&(s, e)| s < f.end && f.start < e)
        });
        if ctx.language && view == View::Customer {
            let people = super::language::known_words(ctx.people.iter().map(String::as_str));
            let language =
                super::language::findings(text, &masked, &[&self.known, &people], section);
            // A word another rule already flags (a name, a product's spelling) is not also a
            // misspelling.
            let flagged: Vec<(usize, usize)> = out.iter().map(|f| (f.start, f.end)).collect();
            out.extend(language.into_iter().filter_map(|mut f| {
                if f.category == Category::Spelling
                    && flagged.iter().any(|&(s, e)| s < f.end && f.start < e)
                {
                    return None;
                }
                if self
                    .language_allowed
                    .get(&f.rule)
                    .is_some_and(|a| a.contains(&f.text.to_lowercase()))
                {
                    return None;
                }
                if let Some(setting) = self.language_settings.get(&f.rule) {
                    f.level = setting.level(f.level)?;
                }
                Some(f)
            }));
        }
        out.sort_by(|a, b| (a.start, a.end, &a.rule).cmp(&(b.start, b.end, &b.rule)));
        // Two patterns of one rule can find the same words; report them once.
        out.dedup_by(|a, b| {
            a.rule == b.rule && a.start == b.start && a.end == b.end && a.message == b.message
        });
        drop_overlapped(out)
    }

    /// Checks every text of a letter: the customer texts with the customer rules and the
    /// technical texts with the technical ones (the leak rule compares the two).
    pub fn check_letter(
        &self,
        letter: &Letter,
        people: &[String],
        skipped: &[SectionKey],
    ) -> Vec<TextFindings> {
        let ctx = CheckContext {
            people: people.to_vec(),
            technical_identifiers: SectionKey::ALL
                .iter()
                .flat_map(|&k| identifiers(&letter.section(k).technical, self, people))
                .collect(),
            skipped: skipped.to_vec(),
            language: false,
            overdue_promises: Vec::new(),
        };
        let mut out = Vec::new();
        for key in SectionKey::ALL {
            for view in [View::Technical, View::Customer] {
                let text = letter.section(key).get(view);
                out.push(TextFindings {
                    section: Some(key),
                    view,
                    findings: self.check_text(text, Some(key), view, &ctx),
                });
            }
        }
        out
    }
}

/// Identifiers in a technical text that must not reach the customer: host and system
/// names with digits or separators, addresses, and the people named.
pub fn identifiers(technical: &str, rules: &RuleSet, people: &[String]) -> HashSet<String> {
    let mut found: HashSet<String> = detect::identifier_tokens(technical)
        .into_iter()
        .map(str::to_string)
        .collect();
    let none = Vec::new();
    for (start, end) in detect::person_names(rules, technical, &none, people) {
        found.insert(technical[start..end].to_string());
    }
    found
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `start..end` stands alone as a word: no letter, digit or underscore touches it.
/// Looks at characters, not bytes, so a no-break space or a curly quote is a boundary.
fn boundary(text: &str, start: usize, end: usize) -> bool {
    !is_word_char(text[..start].chars().next_back()) && !is_word_char(text[end..].chars().next())
}

/// One finding per stretch of words for the categories of tone: a rule's general pattern
/// and another rule's exact phrase often find the same words ("will never happen" inside
/// "will never happen again"), and the reader needs to hear it once, at the stronger
/// level. Where the levels are equal the longer finding stays, and at the same length the
/// house style's rule, whose message the team wrote for its own names. Other categories keep
/// overlapping findings, which say different things (a long sentence and a hard one).
/// `findings` is sorted by start.
fn drop_overlapped(findings: Vec<Finding>) -> Vec<Finding> {
    let rank = |f: &Finding| (f.level, f.end - f.start, f.rule.starts_with("House."));
    let outranks = |a: &Finding, b: &Finding| rank(a) > rank(b);
    let mut keep = vec![true; findings.len()];
    for i in 0..findings.len() {
        let a = &findings[i];
        for j in i + 1..findings.len() {
            let b = &findings[j];
            if b.start >= a.end {
                break;
            }
            if a.category != b.category
                || !is_tone(a.category)
                || a.start == a.end
                || b.start == b.end
            {
                continue;
            }
            if outranks(b, a) {
                keep[i] = false;
            } else {
                keep[j] = false;
            }
        }
    }
    findings
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect()
}

fn is_tone(category: Category) -> bool {
    matches!(
        category,
        Category::AbsolutePromise
            | Category::BlameShift
            | Category::NonApology
            | Category::VendorBlame
    )
}
