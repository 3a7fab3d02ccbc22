//! The checks as people run them: the whole letter, one text being typed, a Markdown file
//! from the command line, dismissals, and the house style guide the rules come from.

use candor_core::checks::incident::{progress, text_findings};
use candor_core::checks::{Dismissal, Finding, HouseStyle, LetterCheck, RuleSet, markdown_letter};
use candor_core::{AuditEntry, SectionKey, View};
use candor_store::FindingAt;
use std::sync::Arc;

use crate::{OperationError, Outcome, Workspace};

impl Workspace {
    /// One check of the whole letter serves the findings, the step states and the review
    /// state (whose change, if any, is written to the audit log).
    pub fn check_letter(&mut self, id: i64) -> Outcome<LetterCheck> {
        let rules = self.rules()?;
        let actor = self.actor.clone();
        let known = self.checked_findings(id)?;
        let (incident, texts, status, dismissals) = self.store.atomically(|store| {
            let incident = store.incident(id)?;
            let texts = match known {
                Some(texts) => texts,
                None => store.letter_findings(id, &rules)?,
            };
            let status = store.review_status_from(id, &texts, &actor)?;
            Ok((incident, texts, status, store.dismissals(id)?))
        })?;
        Ok(LetterCheck {
            progress: progress(&incident, &texts),
            texts,
            dismissals,
            state: status.state,
        })
    }

    /// The findings of one text as it stands in an editor, before it is saved. Reads the
    /// incident from the store only when the file changed since the last call.
    pub fn check_text(
        &mut self,
        id: i64,
        section: SectionKey,
        view: View,
        text: &str,
    ) -> Outcome<Vec<Finding>> {
        let rules = self.rules()?;
        let (incident, dismissals) = self.cached_incident(id)?;
        let dismissed = |s: SectionKey, v: View, rule: &str, t: &str| {
            dismissals.iter().any(|d| d.covers(s, v, rule, t))
        };
        Ok(text_findings(
            &rules, &incident, section, view, text, &dismissed,
        ))
    }

    pub fn dismiss_finding(
        &mut self,
        id: i64,
        finding: FindingAt<'_>,
        reason: &str,
    ) -> Outcome<LetterCheck> {
        self.change(id, |store, actor| {
            store.dismiss_finding(id, finding, reason, actor)
        })?;
        self.check_letter(id)
    }

    pub fn restore_finding(&mut self, id: i64, dismissal_id: i64) -> Outcome<LetterCheck> {
        self.change(id, |store, actor| {
            store.restore_finding(id, dismissal_id, actor)
        })?;
        self.check_letter(id)
    }

    pub fn dismissals(&self, id: i64) -> Outcome<Vec<Dismissal>> {
        Ok(self.store.dismissals(id)?)
    }

    /// The audit log of one incident, or of the whole file.
    pub fn audit_log(&self, id: Option<i64>) -> Outcome<Vec<AuditEntry>> {
        Ok(self.store.audit_log(id)?)
    }

    pub fn house_style(&self) -> Outcome<HouseStyle> {
        Ok(self.store.house_style()?)
    }

    /// Checks the guide compiles, stores it, and checks with it from now on.
    pub fn save_house_style(&mut self, style: HouseStyle) -> Outcome<HouseStyle> {
        let style = style
            .validated()
            .map_err(|e| OperationError::Invalid(e.to_string()))?;
        let rules = compile(&style)?;
        self.change_settings(|store, _| store.set_house_style(&style))?;
        self.rules = Ok(Arc::new(rules));
        Ok(style)
    }

    /// Reads a guide written as TOML and adopts it.
    pub fn import_house_style(&mut self, toml: &str) -> Outcome<HouseStyle> {
        let style =
            HouseStyle::from_toml(toml).map_err(|e| OperationError::Invalid(e.to_string()))?;
        self.save_house_style(style)
    }

    /// The stored guide as TOML, for a file.
    pub fn house_style_toml(&self) -> Outcome<String> {
        Ok(self.store.house_style()?.to_toml())
    }
}

fn compile(style: &HouseStyle) -> Outcome<RuleSet> {
    RuleSet::with_house(style).map_err(|e| OperationError::Invalid(e.to_string()))
}

/// Checks a letter written as Markdown (`candor check`), with a house style guide's TOML
/// when one is given; `source` names the guide in messages. Needs no database.
pub fn check_markdown(letter: &str, style: Option<(&str, &str)>) -> Outcome<Vec<Finding>> {
    let rules = match style {
        None => RuleSet::builtin().map_err(|e| OperationError::Rules(e.to_string()))?,
        Some((source, toml)) => {
            let house = HouseStyle::from_toml(toml).map_err(|e| {
                OperationError::Invalid(format!("{source}:{}: {}", e.line, e.reason))
            })?;
            compile(&house)?
        }
    };
    Ok(markdown_letter::check(&rules, letter, &[]))
}
