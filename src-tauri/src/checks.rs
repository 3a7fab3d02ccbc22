//! The commands behind the inline checks, dismissals and the house style guide.

use crate::AppState;
use candor_core::checks::incident::{progress, text_findings};
use candor_core::checks::{Dismissal, Finding, HouseStyle, LetterCheck, RuleSet};
use candor_core::{AuditEntry, ErrorBody, ErrorCode, SectionKey, View};
use candor_store::FindingAt;
use tauri::State;

type Reply<T> = Result<T, ErrorBody>;

pub fn rules_for(house: &HouseStyle) -> Result<RuleSet, ErrorBody> {
    RuleSet::with_house(house).map_err(|e| ErrorBody::new(ErrorCode::InvalidInput, e.to_string()))
}

fn letter_check(state: &AppState, id: i64) -> Reply<LetterCheck> {
    let rules = state.rules_snapshot()?;
    let by = state.actor();
    // One check of the letter serves the findings, the step states and the review state
    // (which also brings the audit log's record of the state up to date).
    state.with_store(|store| {
        let incident = store.incident(id)?;
        let texts = store.letter_findings(id, &rules)?;
        let status = store.review_status_from(id, &texts, &by)?;
        Ok(LetterCheck {
            progress: progress(&incident, &texts),
            texts,
            dismissals: store.dismissals(id)?,
            state: status.state,
        })
    })
}

/// The incident with each step's state counting its open errors, so the rail never shows a
/// state the checks contradict.
pub(crate) fn checked_incident(state: &AppState, id: i64) -> Reply<candor_core::Incident> {
    let rules = state.rules_snapshot()?;
    state.with_store(|store| {
        let mut incident = store.incident(id)?;
        let texts = store.letter_findings(id, &rules)?;
        incident.progress = progress(&incident, &texts);
        Ok(incident)
    })
}

#[tauri::command(async)]
pub fn check_letter(state: State<'_, AppState>, id: i64) -> Reply<LetterCheck> {
    letter_check(&state, id)
}

#[tauri::command(async)]
pub fn check_text(
    state: State<'_, AppState>,
    id: i64,
    section: SectionKey,
    view: View,
    text: String,
) -> Reply<Vec<Finding>> {
    let (incident, dismissals) =
        state.with_store(|store| Ok((store.incident(id)?, store.dismissals(id)?)))?;
    state.with_rules(|rules| {
        let dismissed = |s: SectionKey, v: View, rule: &str, t: &str| {
            dismissals.iter().any(|d| d.covers(s, v, rule, t))
        };
        Ok(text_findings(
            rules, &incident, section, view, &text, &dismissed,
        ))
    })
}

#[tauri::command(async)]
pub fn dismiss_finding(
    state: State<'_, AppState>,
    id: i64,
    section: SectionKey,
    view: View,
    rule: String,
    text: String,
    reason: String,
) -> Reply<LetterCheck> {
    let finding = FindingAt {
        section,
        view,
        rule: &rule,
        text: &text,
    };
    state.with_store(|store| store.dismiss_finding(id, finding, &reason, &state.actor()))?;
    letter_check(&state, id)
}

#[tauri::command(async)]
pub fn restore_finding(
    state: State<'_, AppState>,
    id: i64,
    dismissal_id: i64,
) -> Reply<LetterCheck> {
    state.with_store(|store| store.restore_finding(id, dismissal_id, &state.actor()))?;
    letter_check(&state, id)
}

#[tauri::command]
pub fn list_dismissals(state: State<'_, AppState>, id: i64) -> Reply<Vec<Dismissal>> {
    state.with_store(|store| store.dismissals(id))
}

#[tauri::command]
pub fn audit_log(state: State<'_, AppState>, id: i64) -> Reply<Vec<AuditEntry>> {
    state.with_store(|store| store.audit_log(Some(id)))
}

#[tauri::command]
pub fn house_style(state: State<'_, AppState>) -> Reply<HouseStyle> {
    state.with_store(|store| store.house_style())
}

/// Checks the guide compiles, stores it, and checks with it from now on.
fn adopt(state: &AppState, style: HouseStyle) -> Reply<HouseStyle> {
    let style = style
        .validated()
        .map_err(|e| ErrorBody::new(ErrorCode::InvalidInput, e.to_string()))?;
    let rules = rules_for(&style)?;
    state.with_store(|store| store.set_house_style(&style))?;
    state.replace_rules(std::sync::Arc::new(rules));
    Ok(style)
}

#[tauri::command]
pub fn save_house_style(state: State<'_, AppState>, style: HouseStyle) -> Reply<HouseStyle> {
    adopt(&state, style)
}

#[tauri::command]
pub fn import_house_style(state: State<'_, AppState>, text: String) -> Reply<HouseStyle> {
    let style = HouseStyle::from_toml(&text)
        .map_err(|e| ErrorBody::new(ErrorCode::InvalidInput, e.to_string()))?;
    adopt(&state, style)
}

/// Writes the guide to a file the user chose in the save dialog.
#[tauri::command]
pub fn export_house_style(state: State<'_, AppState>, path: String) -> Reply<()> {
    let style = state.with_store(|store| store.house_style())?;
    std::fs::write(&path, style.to_toml())
        .map_err(|e| ErrorBody::new(ErrorCode::InvalidInput, format!("cannot write {path}: {e}")))
}
