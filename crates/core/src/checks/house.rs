//! The house style guide: the reviewer's own preferred terms, banned words, product-name
//! spellings, and the people and vendors to watch for. One TOML file, turned into rules.

use super::model::{Category, Level};
use super::rules::{Rule, RuleDef, RuleError, RuleType, ViewScope};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(deny_unknown_fields)]
pub struct PreferredTerm {
    /// The word to use.
    #[serde(rename = "use")]
    pub use_term: String,
    /// The words to replace with it.
    pub instead_of: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(deny_unknown_fields)]
pub struct HouseStyle {
    #[serde(default)]
    pub preferred: Vec<PreferredTerm>,
    #[serde(default)]
    pub banned: Vec<String>,
    /// Product and company names, spelled exactly as they must appear.
    #[serde(default)]
    pub products: Vec<String>,
    /// People whose names must never reach a letter.
    #[serde(default)]
    pub people: Vec<String>,
    /// Vendors and partners not to blame.
    #[serde(default)]
    pub vendors: Vec<String>,
    /// Rules turned off or lowered, by rule id: `"Candor.Readability" = "off"`.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSetting>,
    /// Words one rule lets through, by rule id: `"Candor.PersonName" = ["Tessa Fenwick"]`.
    #[serde(default)]
    pub allow: BTreeMap<String, Vec<String>>,
}

/// What the house style does with one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RuleSetting {
    Off,
    Warning,
    Suggestion,
}

impl RuleSetting {
    /// The level a finding of a rule set so has, or `None` when the rule is off.
    pub fn level(self, level: Level) -> Option<Level> {
        match self {
            RuleSetting::Off => None,
            RuleSetting::Warning => Some(level.min(Level::Warning)),
            RuleSetting::Suggestion => Some(Level::Suggestion),
        }
    }
}

pub const HOUSE_FILE: &str = "house style";

impl HouseStyle {
    pub fn from_toml(text: &str) -> Result<HouseStyle, RuleError> {
        let style: HouseStyle = toml::from_str(text).map_err(|e| RuleError {
            file: HOUSE_FILE.into(),
            line: e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            }),
            reason: e.message().trim().to_string(),
        })?;
        style.validated()
    }

    /// Trims every entry and drops empty ones.
    pub fn validated(mut self) -> Result<HouseStyle, RuleError> {
        let clean = |v: &mut Vec<String>| {
            *v = v
                .iter()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        };
        clean(&mut self.banned);
        clean(&mut self.products);
        clean(&mut self.people);
        clean(&mut self.vendors);
        for p in &mut self.preferred {
            p.use_term = p.use_term.trim().to_string();
            clean(&mut p.instead_of);
        }
        self.preferred.retain(|p| !p.instead_of.is_empty());
        self.rules = std::mem::take(&mut self.rules)
            .into_iter()
            .map(|(k, v)| (k.trim().to_string(), v))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        let mut allow = BTreeMap::new();
        for (rule, mut terms) in std::mem::take(&mut self.allow) {
            clean(&mut terms);
            if !rule.trim().is_empty() && !terms.is_empty() {
                allow.insert(rule.trim().to_string(), terms);
            }
        }
        self.allow = allow;
        if let Some(p) = self.preferred.iter().find(|p| p.use_term.is_empty()) {
            return Err(RuleError {
                file: HOUSE_FILE.into(),
                line: 0,
                reason: format!("a preferred term needs `use` (for {:?})", p.instead_of),
            });
        }
        Ok(self)
    }

    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    fn rule(id: &str, kind: RuleType, level: Level, message: &str) -> RuleDef {
        RuleDef {
            id: id.into(),
            category: Category::Style,
            kind,
            level,
            message: message.into(),
            fix: None,
            exceptions: Vec::new(),
            view: ViewScope::Customer,
            sections: Vec::new(),
            tokens: Vec::new(),
            swap: BTreeMap::new(),
            names: Vec::new(),
            patterns: Vec::new(),
            max: None,
            grade: None,
            sentence_words: None,
            check: None,
        }
    }

    /// The rules this guide adds to the built-in ones.
    pub fn rules(&self) -> Result<Vec<Rule>, RuleError> {
        let mut defs = Vec::new();
        if !self.preferred.is_empty() {
            let mut d = Self::rule(
                "House.Preferred",
                RuleType::Substitution,
                Level::Warning,
                "The house style uses another word for \u{201c}%s\u{201d}.",
            );
            d.swap = self
                .preferred
                .iter()
                .flat_map(|p| p.instead_of.iter().map(|i| (i.clone(), p.use_term.clone())))
                .collect();
            defs.push(d);
        }
        if !self.banned.is_empty() {
            let mut d = Self::rule(
                "House.Banned",
                RuleType::Existence,
                Level::Error,
                "\u{201c}%s\u{201d} is on the house list of words not to use.",
            );
            d.tokens = self.banned.clone();
            defs.push(d);
        }
        if !self.products.is_empty() {
            let mut d = Self::rule(
                "House.ProductNames",
                RuleType::Capitalization,
                Level::Warning,
                "Spell it \u{201c}%s\u{201d}.",
            );
            d.names = self.products.clone();
            defs.push(d);
        }
        if !self.people.is_empty() {
            let mut d = Self::rule(
                "House.People",
                RuleType::Existence,
                Level::Error,
                "\u{201c}%s\u{201d} is on the house list of people not to name; speak of roles instead.",
            );
            d.category = Category::PersonName;
            d.tokens = self.people.clone();
            defs.push(d);
        }
        if !self.vendors.is_empty() {
            let mut d = Self::rule(
                "House.VendorBlame",
                RuleType::VendorBlame,
                Level::Error,
                "This sentence puts the cause on \u{201c}%s\u{201d}; say what we did, and what we will change.",
            );
            d.category = Category::VendorBlame;
            d.tokens = self.vendors.clone();
            defs.push(d);
        }
        defs.into_iter()
            .map(|def| {
                let regexes = def
                    .patterns
                    .iter()
                    .map(|p| {
                        regex::Regex::new(p).map_err(|e| RuleError {
                            file: HOUSE_FILE.into(),
                            line: 0,
                            reason: e.to_string(),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Rule {
                    def,
                    regexes,
                    exceptions: Vec::new(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_the_file() {
        let text = r#"
banned = ["synergy"]
products = ["Quillfeather"]
people = ["Priya Raman"]
vendors = ["Northwind Hosting"]

[[preferred]]
use = "sign in"
instead_of = ["log in", "login"]
"#;
        let style = HouseStyle::from_toml(text).unwrap();
        assert_eq!(style.preferred[0].instead_of, vec!["log in", "login"]);
        let again = HouseStyle::from_toml(&style.to_toml()).unwrap();
        assert_eq!(again, style);
        assert_eq!(style.rules().unwrap().len(), 5);
    }

    #[test]
    fn unknown_keys_are_refused_with_a_line() {
        let e = HouseStyle::from_toml("banned = [\"x\"]\nbaned = [\"y\"]\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.reason.contains("baned"), "{e}");
    }
}
