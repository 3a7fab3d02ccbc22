//! The wizard's guidance for each step, kept as data in `assets/guidance.toml`.

use crate::SectionKey;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A step of the wizard: the facts, then each section of the letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Step {
    Facts,
    Summary,
    Details,
    Wrong,
    Better,
    Right,
    Thanks,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Facts,
        Step::Summary,
        Step::Details,
        Step::Wrong,
        Step::Better,
        Step::Right,
        Step::Thanks,
    ];

    pub fn section(self) -> Option<SectionKey> {
        match self {
            Step::Facts => None,
            Step::Summary => Some(SectionKey::Summary),
            Step::Details => Some(SectionKey::Details),
            Step::Wrong => Some(SectionKey::Wrong),
            Step::Better => Some(SectionKey::Better),
            Step::Right => Some(SectionKey::Right),
            Step::Thanks => Some(SectionKey::Thanks),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct StepGuidance {
    pub step: Step,
    pub title: String,
    pub why: String,
    pub questions: Vec<String>,
    pub checklist: Vec<String>,
    /// Markdown, for a made-up incident.
    pub example: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub step: Vec<StepGuidance>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GuidanceError {
    #[error("guidance file: {0}")]
    Parse(String),
    #[error("guidance file: step {0:?} is missing")]
    Missing(Step),
    #[error("guidance file: step {0:?} appears twice")]
    Duplicate(Step),
    #[error("guidance file: step {0:?} has an empty {1}")]
    Empty(Step, &'static str),
}

const BUILTIN: &str = include_str!("../../../assets/guidance.toml");

impl Guidance {
    /// Parses and checks a guidance file: every step once, in wizard order, nothing empty.
    pub fn from_toml(text: &str) -> Result<Guidance, GuidanceError> {
        let mut guidance: Guidance =
            toml::from_str(text).map_err(|e| GuidanceError::Parse(e.to_string()))?;
        for (i, g) in guidance.step.iter().enumerate() {
            if guidance.step[..i].iter().any(|o| o.step == g.step) {
                return Err(GuidanceError::Duplicate(g.step));
            }
            let empty = [
                (g.why.trim().is_empty(), "why"),
                (g.questions.is_empty(), "questions"),
                (g.checklist.is_empty(), "checklist"),
                (g.example.trim().is_empty(), "example"),
            ];
            if let Some((_, field)) = empty.into_iter().find(|(e, _)| *e) {
                return Err(GuidanceError::Empty(g.step, field));
            }
        }
        for step in Step::ALL {
            if !guidance.step.iter().any(|g| g.step == step) {
                return Err(GuidanceError::Missing(step));
            }
        }
        guidance
            .step
            .sort_by_key(|g| Step::ALL.iter().position(|s| *s == g.step));
        Ok(guidance)
    }

    /// The guidance Candor ships with.
    pub fn builtin() -> Result<Guidance, GuidanceError> {
        Guidance::from_toml(BUILTIN)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_guidance_covers_every_step_in_order() {
        let g = Guidance::builtin().unwrap();
        let steps: Vec<Step> = g.step.iter().map(|s| s.step).collect();
        assert_eq!(steps, Step::ALL.to_vec());
        for s in &g.step {
            if let Some(key) = s.step.section() {
                assert_eq!(s.title, key.title());
            }
        }
    }

    #[test]
    fn unknown_keys_and_gaps_are_refused() {
        let typo = BUILTIN.replacen("why =", "whyy =", 1);
        assert!(matches!(
            Guidance::from_toml(&typo),
            Err(GuidanceError::Parse(_))
        ));
        let without_thanks = &BUILTIN[..BUILTIN.rfind("[[step]]").unwrap()];
        assert_eq!(
            Guidance::from_toml(without_thanks),
            Err(GuidanceError::Missing(Step::Thanks))
        );
    }
}
