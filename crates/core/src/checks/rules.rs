//! Rules are data: TOML files with Vale's model (an id, a type, a level, a message, an
//! optional fix and exceptions, and a scope). Loading checks every key and pattern and
//! says which file, which line and why when something is wrong.

use super::model::{Category, Level};
use crate::SectionKey;
use regex::Regex;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleType {
    /// Any of `tokens` is a finding.
    Existence,
    /// Each key of `swap` is a finding whose fix is its value.
    Substitution,
    /// Each of `names` must be spelled exactly so.
    Capitalization,
    /// More than `max` of `tokens` in one text is a finding.
    Occurrence,
    /// Any match of `patterns` (regular expressions) is a finding.
    Pattern,
    /// Reading grade above `grade`, or a sentence longer than `sentence_words`.
    Readability,
    /// Built-in detectors that need more than a list.
    PersonName,
    VendorBlame,
    Leak,
    Structure,
    /// An overdue promise to the same customers that the text does not mention.
    FollowUp,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ViewScope {
    #[default]
    Customer,
    Technical,
    Both,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StructureCheck {
    /// A required section has no customer text.
    Empty,
    /// `wrong` has no apology.
    Apology,
    /// `better` has no step with a date or deadline.
    ConcreteStep,
    /// `thanks` thanks no one.
    Thanks,
}

/// A rule as written in a file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleDef {
    pub id: String,
    pub category: Category,
    #[serde(rename = "type")]
    pub kind: RuleType,
    pub level: Level,
    pub message: String,
    #[serde(default)]
    pub fix: Option<String>,
    #[serde(default)]
    pub exceptions: Vec<String>,
    #[serde(default)]
    pub view: ViewScope,
    #[serde(default)]
    pub sections: Vec<SectionKey>,
    #[serde(default)]
    pub tokens: Vec<String>,
    #[serde(default)]
    pub swap: BTreeMap<String, String>,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub max: Option<usize>,
    #[serde(default)]
    pub grade: Option<f64>,
    #[serde(default)]
    pub sentence_words: Option<usize>,
    #[serde(default)]
    pub check: Option<StructureCheck>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: Vec<toml::Spanned<RuleDef>>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    pub def: RuleDef,
    pub regexes: Vec<Regex>,
    /// Lower-cased exceptions.
    pub exceptions: Vec<String>,
}

impl Rule {
    pub fn applies_to(&self, section: Option<SectionKey>, view: crate::View) -> bool {
        let view_ok = match self.def.view {
            ViewScope::Both => true,
            ViewScope::Customer => view == crate::View::Customer,
            ViewScope::Technical => view == crate::View::Technical,
        };
        let section_ok =
            self.def.sections.is_empty() || section.is_some_and(|s| self.def.sections.contains(&s));
        view_ok && section_ok
    }

    pub fn is_exception(&self, matched: &str) -> bool {
        let m = matched.to_lowercase();
        self.exceptions.contains(&m)
    }

    /// The message with `%s` replaced by what was matched.
    pub fn message_for(&self, matched: &str) -> String {
        self.def.message.replace("%s", matched)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Parses and checks one rule file. `file` names it in error messages.
pub fn parse_rules(file: &str, text: &str) -> Result<Vec<Rule>, RuleError> {
    let err = |line: usize, reason: String| RuleError {
        file: file.to_string(),
        line,
        reason,
    };
    let parsed: RuleFile = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        err(line, e.message().trim().to_string())
    })?;
    let mut rules = Vec::new();
    for spanned in parsed.rule {
        let line = line_of(text, spanned.span().start);
        let def = spanned.into_inner();
        let fail = |reason: String| err(line, format!("rule {}: {reason}", def.id));
        if !def.id.contains('.') || def.id.contains(char::is_whitespace) {
            return Err(err(
                line,
                format!("rule id \"{}\" must look like Style.RuleName", def.id),
            ));
        }
        if def.message.trim().is_empty() {
            return Err(fail("needs a message".into()));
        }
        let needs = |ok: bool, what: &str| {
            if ok {
                Ok(())
            } else {
                Err(fail(format!("a {:?} rule needs {what}", def.kind)))
            }
        };
        match def.kind {
            RuleType::Existence => needs(!def.tokens.is_empty(), "tokens")?,
            RuleType::Occurrence => needs(
                !def.tokens.is_empty() && def.max.is_some(),
                "tokens and max",
            )?,
            RuleType::Substitution => needs(!def.swap.is_empty(), "swap")?,
            RuleType::Capitalization => needs(!def.names.is_empty(), "names")?,
            RuleType::Pattern => needs(!def.patterns.is_empty(), "patterns")?,
            RuleType::Readability => needs(
                def.grade.is_some() || def.sentence_words.is_some(),
                "grade or sentence_words",
            )?,
            RuleType::Structure => needs(def.check.is_some(), "check")?,
            RuleType::VendorBlame => needs(
                !def.tokens.is_empty(),
                "tokens (the vendors and third parties to watch)",
            )?,

            RuleType::PersonName | RuleType::Leak | RuleType::FollowUp => {}
        }
        if let Some(t) = def
            .tokens
            .iter()
            .chain(def.swap.keys())
            .chain(def.names.iter())
            .find(|t| t.trim().is_empty())
        {
            return Err(fail(format!("has an empty term {t:?}")));
        }
        let regexes = def
            .patterns
            .iter()
            .map(|p| {
                Regex::new(p).map_err(|e| {
                    fail(format!(
                        "pattern {p:?} is not a valid regular expression: {e}"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let exceptions = def.exceptions.iter().map(|e| e.to_lowercase()).collect();
        rules.push(Rule {
            def,
            regexes,
            exceptions,
        });
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[rule]]
id = "Test.Hedge"
category = "non-apology"
type = "existence"
level = "error"
message = "'%s' hedges"
tokens = ["any inconvenience"]
"#;

    #[test]
    fn parses_a_good_file() {
        let rules = parse_rules("good.toml", GOOD).unwrap();
        assert_eq!(rules.len(), 1);
        assert_eq!(
            rules[0].message_for("any inconvenience"),
            "'any inconvenience' hedges"
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_file_and_line() {
        let bad = GOOD.replace("tokens =", "tokenz =");
        let e = parse_rules("house.toml", &bad).unwrap_err();
        assert_eq!(e.file, "house.toml");
        assert!(e.reason.contains("tokenz"), "{e}");
        assert!(e.line >= 2, "{e}");
    }

    #[test]
    fn bad_patterns_and_missing_fields_are_errors() {
        let bad = GOOD.replace(
            "type = \"existence\"",
            "type = \"pattern\"\npatterns = [\"(unclosed\"]",
        );
        let e = parse_rules("r.toml", &bad).unwrap_err();
        assert!(e.reason.contains("not a valid regular expression"), "{e}");
        assert_eq!(e.line, 2);
        let bad = GOOD.replace("tokens = [\"any inconvenience\"]", "");
        assert!(
            parse_rules("r.toml", &bad)
                .unwrap_err()
                .reason
                .contains("needs tokens")
        );
        let bad = GOOD.replace("level = \"error\"", "level = \"fatal\"");
        assert!(parse_rules("r.toml", &bad).is_err());
    }
}
