//! The checks: a Vale-style rule engine over a letter's texts. Rules are data (the TOML
//! files in `assets/rules/` and the house style guide); list rules compile into one
//! longest-match automaton, patterns into regular expressions, and a few detectors
//! (person names, vendor blame, leaks, structure, readability) add what a list cannot.

pub(crate) mod detect;
mod engine;
pub mod house;
pub mod incident;
pub mod language;
pub mod markdown_letter;
pub mod model;
pub mod rules;
mod run;
pub mod text;

pub use engine::{CheckContext, RuleSet, TextFindings};
pub use house::HouseStyle;
pub use model::{Category, Dismissal, Finding, LetterCheck, Level};
pub use rules::RuleError;
pub use run::identifiers;
