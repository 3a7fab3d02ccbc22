//! What a check produces: findings with a rule, a category, a level and a place.

use crate::SectionKey;
use serde::{Deserialize, Serialize};
use std::fmt;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Suggestion,
    Warning,
    Error,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Suggestion => "suggestion",
            Level::Warning => "warning",
            Level::Error => "error",
        })
    }
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Category {
    PersonName,
    VendorBlame,
    BlameShift,
    NonApology,
    AbsolutePromise,
    Jargon,
    SensitiveDetail,
    Leak,
    Structure,
    Readability,
    Style,
    Spelling,
    Grammar,
    FollowUp,
}

impl Category {
    pub const ALL: [Category; 14] = [
        Category::PersonName,
        Category::VendorBlame,
        Category::BlameShift,
        Category::NonApology,
        Category::AbsolutePromise,
        Category::Jargon,
        Category::SensitiveDetail,
        Category::Leak,
        Category::Structure,
        Category::Readability,
        Category::Style,
        Category::Spelling,
        Category::Grammar,
        Category::FollowUp,
    ];

    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// One thing a rule found. `start` and `end` are byte offsets in the checked text;
/// `line` and `column` are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Finding {
    pub rule: String,
    pub category: Category,
    pub level: Level,
    pub section: Option<SectionKey>,
    pub message: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    pub fix: Option<String>,
}

/// A finding dismissed with a reason; it stays hidden while the same rule matches the same
/// words in the same text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Dismissal {
    pub id: i64,
    pub section: String,
    pub view: String,
    pub rule: String,
    pub text: String,
    pub reason: String,
    pub dismissed_by: String,
    pub dismissed_at: String,
}

impl Dismissal {
    pub fn covers(&self, section: SectionKey, view: crate::View, rule: &str, text: &str) -> bool {
        self.section == section.key()
            && self.view == view.key()
            && self.rule == rule
            && self.text == text
    }
}

/// Every text's findings and the step states that follow from them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct LetterCheck {
    pub texts: Vec<super::TextFindings>,
    pub progress: Vec<crate::SectionProgress>,
    pub dismissals: Vec<Dismissal>,
    /// The letter's review state, derived in the same check.
    pub state: crate::LetterState,
}
