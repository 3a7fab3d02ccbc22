//! The six sections of a letter and the two views of each.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// A section of the letter. The order of the variants is the order of the letter.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum SectionKey {
    Summary,
    Details,
    Wrong,
    Better,
    Right,
    Thanks,
}

impl SectionKey {
    pub const ALL: [SectionKey; 6] = [
        SectionKey::Summary,
        SectionKey::Details,
        SectionKey::Wrong,
        SectionKey::Better,
        SectionKey::Right,
        SectionKey::Thanks,
    ];

    pub fn key(self) -> &'static str {
        self.into()
    }

    /// The heading the customer sees.
    pub fn title(self) -> &'static str {
        match self {
            SectionKey::Summary => "Summary of events",
            SectionKey::Details => "What happened in detail",
            SectionKey::Wrong => "Where we went wrong",
            SectionKey::Better => "How we\u{2019}re doing better",
            SectionKey::Right => "Making it right",
            SectionKey::Thanks => "Thank you",
        }
    }

    /// `right` may be skipped; every other section is required.
    pub fn is_optional(self) -> bool {
        matches!(self, SectionKey::Right)
    }
}

impl fmt::Display for SectionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown section \"{0}\": use one of summary, details, wrong, better, right, thanks (or its title)"
)]
pub struct UnknownSection(pub String);

/// Accepts the key (`summary`) or the title (`Summary of events`), in any case, with
/// typographic apostrophes folded, so headings pasted from a word processor still match.
impl FromStr for SectionKey {
    type Err = UnknownSection;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = normalise_heading(s);
        SectionKey::ALL
            .into_iter()
            .find(|k| wanted == k.key() || wanted == normalise_heading(k.title()))
            .ok_or_else(|| UnknownSection(s.trim().to_string()))
    }
}

fn normalise_heading(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// Which of a section's two texts: the internal account or the wording customers read.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    TS,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum View {
    Technical,
    Customer,
}

impl View {
    pub fn key(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown view \"{0}\": use customer or technical")]
pub struct UnknownView(pub String);

impl FromStr for View {
    type Err = UnknownView;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_lowercase().as_str() {
            "technical" => Ok(View::Technical),
            "customer" => Ok(View::Customer),
            _ => Err(UnknownView(s.trim().to_string())),
        }
    }
}

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_keys_and_titles() {
        assert_eq!("summary".parse::<SectionKey>(), Ok(SectionKey::Summary));
        assert_eq!(
            "  Where We Went Wrong ".parse::<SectionKey>(),
            Ok(SectionKey::Wrong)
        );
        assert_eq!(
            "How we\u{2019}re doing better".parse::<SectionKey>(),
            Ok(SectionKey::Better)
        );
        assert!("epilogue".parse::<SectionKey>().is_err());
    }

    #[test]
    fn order_is_the_letter_order() {
        let mut shuffled = vec![SectionKey::Thanks, SectionKey::Summary, SectionKey::Right];
        shuffled.sort();
        assert_eq!(
            shuffled,
            vec![SectionKey::Summary, SectionKey::Right, SectionKey::Thanks]
        );
    }

    #[test]
    fn parses_views() {
        assert_eq!("Customer".parse::<View>(), Ok(View::Customer));
        assert!("public".parse::<View>().is_err());
    }
}
