use super::detect;
use super::model::{Category, Finding};
use super::rules::{Rule, RuleError, RuleType, parse_rules};
use super::text::{inside, line_column, non_prose};
use crate::{Letter, SectionKey, View};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// The rule files Candor ships with, as (file name, text).
pub const BUILTIN_RULES: &[(&str, &str)] = &[
    (
        "assets/rules/candor.toml",
        include_str!("../../../../assets/rules/candor.toml"),
    ),
    (
        "assets/rules/jargon.toml",
        include_str!("../../../../assets/rules/jargon.toml"),
    ),
    (
        "assets/rules/sensitive.toml",
        include_str!("../../../../assets/rules/sensitive.toml"),
    ),
];

/// One term of the shared automaton and the rule it belongs to.
#[derive(Debug, Clone)]
pub(super) struct Term {
    pub rule: usize,
    /// As written in the rule: the spelling a capitalization rule wants.
    pub text: String,
    pub fix: Option<String>,
    /// Acronyms (two or more capitals, no lower case) match only in capitals.
    pub exact_case: bool,
}

/// Every rule, compiled once.
pub struct RuleSet {
    pub(super) rules: Vec<Rule>,
    pub(super) automaton: AhoCorasick,
    pub(super) terms: Vec<Term>,
    /// Every pattern of every pattern rule, so one pass tells which can match at all.
    patterns: regex::RegexSet,
    /// For each pattern of the set: its rule and its index in that rule's `regexes`.
    pattern_owners: Vec<(usize, usize)>,
    /// Every word of every listed term (glossary, vendors, the house style's names), which
    /// the spelling check takes as known.
    known: HashSet<String>,
    /// The house style's settings for the spelling and grammar rules, which are not in
    /// `rules`.
    language_settings: std::collections::BTreeMap<String, super::house::RuleSetting>,
    language_allowed: std::collections::BTreeMap<String, HashSet<String>>,
}

/// What a text is checked with besides its rules.
#[derive(Debug, Clone, Default)]
pub struct CheckContext {
    /// People known to the incident: log authors, action owners, reviewers, the house list.
    pub people: Vec<String>,
    /// Identifiers found in the technical texts of the letter, for the leak rule.
    pub technical_identifiers: HashSet<String>,
    /// Sections the letter leaves out on purpose; the structure rules skip them.
    pub skipped: Vec<SectionKey>,
    /// Also check spelling and grammar (slower; the window runs them off its main thread).
    pub language: bool,
}

/// The findings of one text of one section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct TextFindings {
    pub section: Option<SectionKey>,
    pub view: View,
    pub findings: Vec<Finding>,
}

fn exact_case(term: &str) -> bool {
    term.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !term.chars().any(|c| c.is_lowercase())
}

impl RuleSet {
    /// Compiles rules from (file name, TOML text) pairs.
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        for (file, text) in sources {
            rules.extend(parse_rules(file, text)?);
        }
        Self::compile(rules)
    }

    pub fn builtin() -> Result<RuleSet, RuleError> {
        Self::from_sources(BUILTIN_RULES)
    }

    /// The built-in rules plus a house style guide.
    pub fn with_house(house: &super::HouseStyle) -> Result<RuleSet, RuleError> {
        let mut rules = Vec::new();
        for (file, text) in BUILTIN_RULES {
            rules.extend(parse_rules(file, text)?);
        }
        rules.extend(house.rules()?);
        // Every rule the house style names must exist, so a typo is not silently ignored.
        for id in house.rules.keys().chain(house.allow.keys()) {
            if !id.starts_with(super::language::RULE_PREFIX)
                && !rules.iter().any(|r| &r.def.id == id)
            {
                return Err(RuleError {
                    file: super::house::HOUSE_FILE.into(),
                    line: 0,
                    reason: format!("there is no rule \"{id}\" (a finding's rule id names it)"),
                });
            }
        }
        let full_known = super::language::known_words(
            rules
                .iter()
                .flat_map(|r| {
                    r.def
                        .tokens
                        .iter()
                        .chain(r.def.swap.keys())
                        .chain(&r.def.names)
                })
                // Words a rule lets through are words too.
                .chain(house.allow.values().flatten())
                .map(String::as_str),
        );
        let mut kept = Vec::with_capacity(rules.len());
        for mut rule in rules {
            if let Some(setting) = house.rules.get(&rule.def.id) {
                match setting.level(rule.def.level) {
                    Some(level) => rule.def.level = level,
                    None => continue,
                }
            }
            if let Some(terms) = house.allow.get(&rule.def.id) {
                rule.exceptions
                    .extend(terms.iter().map(|t| t.to_lowercase()));
            }
            kept.push(rule);
        }
        let mut set = Self::compile(kept)?;
        // A rule turned off still knows its words: "VLAN" is not a misspelling.
        set.known = full_known;
        set.language_settings = house.rules.clone();
        set.language_allowed = house
            .allow
            .iter()
            .map(|(k, v)| (k.clone(), v.iter().map(|t| t.to_lowercase()).collect()))
            .collect();
        Ok(set)
    }

    fn compile(rules: Vec<Rule>) -> Result<RuleSet, RuleError> {
        let mut terms = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            let d = &rule.def;
            let listed: Vec<(String, Option<String>)> = match d.kind {
                RuleType::Existence | RuleType::Occurrence | RuleType::VendorBlame => d
                    .tokens
                    .iter()
                    .map(|t| (t.clone(), d.fix.clone()))
                    .collect(),
                RuleType::Substitution => d
                    .swap
                    .iter()
                    .map(|(k, v)| (k.clone(), Some(v.clone())))
                    .collect(),
                RuleType::Capitalization => d
                    .names
                    .iter()
                    .map(|n| (n.clone(), Some(n.clone())))
                    .collect(),
                _ => Vec::new(),
            };
            for (text, fix) in listed {
                let text = text.trim().to_string();
                terms.push(Term {
                    rule: i,
                    exact_case: exact_case(&text),
                    text,
                    fix,
                });
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(terms.iter().map(|t| t.text.as_str()))
            .map_err(|e| RuleError {
                file: "rules".into(),
                line: 0,
                reason: e.to_string(),
            })?;
        let mut pattern_owners = Vec::new();
        let mut sources = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            if rule.def.kind == RuleType::Pattern {
                for (j, re) in rule.regexes.iter().enumerate() {
                    pattern_owners.push((i, j));
                    sources.push(re.as_str().to_string());
                }
            }
        }
        let patterns = regex::RegexSet::new(&sources).map_err(|e| RuleError {
            file: "rules".into(),
            line: 0,
            reason: e.to_string(),
        })?;
        let known = super::language::known_words(terms.iter().map(|t| t.text.as_str()));
        Ok(RuleSet {
            rules,
            automaton,
            terms,
            patterns,
            pattern_owners,
            known,
            language_settings: Default::default(),
            language_allowed: Default::default(),
        })
    }

    pub fn rule_count(&self) -> usize {
        self.rules.len()
    }

    /// Names that are never people: the house style's products and company, and the
    /// vendors the rules know.
    pub(super) fn organisation_terms(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| {
                matches!(
                    self.rules[t.rule].def.kind,
                    RuleType::VendorBlame | RuleType::Capitalization
                )
            })
            .map(|t| t.text.as_str())
    }

    /// The vendor names and third parties the vendor-blame rules watch.
    pub(super) fn vendor_terms(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| self.rules[t.rule].def.kind == RuleType::VendorBlame)
            .map(|t| t.text.as_str())
    }

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
                    let hits: Vec<(usize, usize)> = vendor_hits
                        .iter()
                        .filter(|(r, _, _)| *r == i)
                        .map(|&(_, s, e)| (s, e))
                        .collect();
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
        out
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
