//! The commands behind the export dialog and "Copy for e-mail".

use crate::AppState;
use candor_core::export::{ExportFormat, ExportPlan, Exported, file_name};
use candor_core::{ErrorBody, ErrorCode};
use candor_store::{COMPANY_SETTING, LOGO_SETTING};
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt;

type Reply<T> = Result<T, ErrorBody>;

/// What every export carries besides the letter.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct ExportSettings {
    pub company: String,
    /// A data URI of the logo image, or empty.
    pub logo: String,
}

#[tauri::command]
pub fn export_settings(state: State<'_, AppState>) -> Reply<ExportSettings> {
    state.with_store(|store| {
        Ok(ExportSettings {
            company: store.setting(COMPANY_SETTING)?.unwrap_or_default(),
            logo: store.setting(LOGO_SETTING)?.unwrap_or_default(),
        })
    })
}

#[tauri::command]
pub fn save_export_settings(
    state: State<'_, AppState>,
    settings: ExportSettings,
) -> Reply<ExportSettings> {
    let logo = settings.logo.trim();
    let allowed = [
        "data:image/png;base64,",
        "data:image/jpeg;base64,",
        "data:image/gif;base64,",
        "data:image/webp;base64,",
    ];
    if !logo.is_empty() && !allowed.iter().any(|p| logo.starts_with(p)) {
        return Err(ErrorBody::new(
            ErrorCode::InvalidInput,
            "the logo must be a PNG, JPEG, GIF or WebP image",
        ));
    }
    if logo.len() > 512 * 1024 {
        return Err(ErrorBody::new(
            ErrorCode::InvalidInput,
            "the logo is too large: keep it under 380 kB",
        ));
    }
    state.with_store(|store| {
        store.set_setting(COMPANY_SETTING, settings.company.trim())?;
        store.set_setting(LOGO_SETTING, logo)
    })?;
    Ok(ExportSettings {
        company: settings.company.trim().to_string(),
        logo: logo.to_string(),
    })
}

/// Renders the export and writes it to the file chosen in the save dialog.
#[tauri::command]
pub fn export_letter(
    state: State<'_, AppState>,
    id: i64,
    format: ExportFormat,
    path: String,
) -> Reply<Exported> {
    let by = state.actor();
    let rules = state.rules_snapshot()?;
    let exported = state.with_store(|store| store.export(id, format, &rules, &by))?;
    std::fs::write(&path, &exported.content).map_err(|e| {
        ErrorBody::new(ErrorCode::InvalidInput, format!("cannot write {path}: {e}"))
    })?;
    Ok(exported)
}

/// Whether an export would be final, and the file name the save dialog suggests.
#[tauri::command]
pub fn export_plan(state: State<'_, AppState>, id: i64) -> Reply<ExportPlan> {
    let status = crate::review::status(&state, id)?;
    let (incident, settings) = state.with_store(|store| {
        Ok((
            store.incident(id)?,
            (
                store.setting(COMPANY_SETTING)?,
                store.setting(LOGO_SETTING)?,
            ),
        ))
    })?;
    let name = file_name(&incident, "x", chrono::Utc::now());
    Ok(ExportPlan {
        status,
        file_stem: name.trim_end_matches(".x").to_string(),
        company: settings.0.unwrap_or_default(),
        has_logo: settings.1.is_some_and(|l| !l.is_empty()),
    })
}

/// Puts the letter on the clipboard as e-mail HTML with a plain-text twin.
#[tauri::command]
pub fn copy_for_email(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Reply<Exported> {
    let by = state.actor();
    let rules = state.rules_snapshot()?;
    let exported = state.with_store(|store| store.export_email(id, &rules, &by))?;
    app.clipboard()
        .write_html(exported.content.clone(), exported.text.clone())
        .map_err(|e| {
            ErrorBody::new(
                ErrorCode::Internal,
                format!("the clipboard could not be written: {e}"),
            )
        })?;
    Ok(exported)
}
