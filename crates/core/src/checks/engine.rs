use super::model::Finding;
use super::rules::{Rule, RuleError, RuleType, parse_rules};
use crate::{SectionKey, View};
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
    /// The names of products, companies and vendors, found in one pass: a word inside one
    /// is never a person.
    pub(super) organisations: AhoCorasick,
    /// Every pattern of every pattern rule, so one pass tells which can match at all.
    pub(super) patterns: regex::RegexSet,
    /// For each pattern of the set: its rule and its index in that rule's `regexes`.
    pub(super) pattern_owners: Vec<(usize, usize)>,
    /// Every word of every listed term (glossary, vendors, the house style's names), which
    /// the spelling check takes as known.
    pub(super) known: HashSet<String>,
    /// The house style's settings for the spelling and grammar rules, which are not in
    /// `rules`.
    pub(super) language_settings: std::collections::BTreeMap<String, super::house::RuleSetting>,
    pub(super) language_allowed: std::collections::BTreeMap<String, HashSet<String>>,
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
    /// Promises earlier letters made to the same customers that are now overdue.
    pub overdue_promises: Vec<crate::promise::Promise>,
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
        // The set grows with every rule; with the default cache the lazy DFA gives up on
        // long texts and the search falls back to a far slower engine.
        let patterns = regex::RegexSetBuilder::new(&sources)
            .dfa_size_limit(64 << 20)
            .build()
            .map_err(|e| RuleError {
                file: "rules".into(),
                line: 0,
                reason: e.to_string(),
            })?;
        let organisations = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(
                terms
                    .iter()
                    .filter(|t| {
                        matches!(
                            rules[t.rule].def.kind,
                            RuleType::VendorBlame | RuleType::Capitalization
                        ) && !t.text.is_empty()
                    })
                    .map(|t| t.text.as_str()),
            )
            .map_err(|e| RuleError {
                file: "rules".into(),
                line: 0,
                reason: e.to_string(),
            })?;
        let known = super::language::known_words(terms.iter().map(|t| t.text.as_str()));
        Ok(RuleSet {
            rules,
            automaton,
            terms,
            organisations,
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

    /// The letter's own names: the house style's products and company (its
    /// capitalisation terms). They are never a third party.
    pub(super) fn own_names(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| self.rules[t.rule].def.kind == RuleType::Capitalization)
            .map(|t| t.text.as_str())
    }

    /// The vendor names and third parties the vendor-blame rules watch.
    pub(super) fn vendor_terms(&self) -> impl Iterator<Item = &str> {
        self.terms
            .iter()
            .filter(|t| self.rules[t.rule].def.kind == RuleType::VendorBlame)
            .map(|t| t.text.as_str())
    }
}
