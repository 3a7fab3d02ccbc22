//! Writing the letter out: to a file, to the clipboard's e-mail form, and what the export
//! dialog shows before it does.

pub use candor_core::export::ExportSettings;
use candor_core::export::seal::{Verified, verify_letter as verify_letter_text};
use candor_core::export::{Delivery, ExportFormat, ExportPlan, Exported, file_name};
use candor_store::{COMPANY_SETTING, LOGO_SETTING};
use std::path::{Path, PathBuf};

use crate::{OperationError, Outcome, Workspace};

impl Workspace {
    pub fn export_settings(&self) -> Outcome<ExportSettings> {
        Ok(ExportSettings {
            company: self.store.setting(COMPANY_SETTING)?.unwrap_or_default(),
            logo: self.store.setting(LOGO_SETTING)?.unwrap_or_default(),
        })
    }

    pub fn save_export_settings(&mut self, settings: ExportSettings) -> Outcome<ExportSettings> {
        let settings = settings.validated().map_err(OperationError::Invalid)?;
        self.change_settings(|store, _| {
            store.set_setting(COMPANY_SETTING, &settings.company)?;
            store.set_setting(LOGO_SETTING, &settings.logo)
        })?;
        Ok(settings)
    }

    /// Remembers the company name the letters carry, keeping the logo.
    pub fn set_company(&mut self, company: &str) -> Outcome<ExportSettings> {
        let current = self.export_settings()?;
        self.save_export_settings(ExportSettings {
            company: company.to_string(),
            ..current
        })
    }

    /// Renders the letter: final when approved (the export then publishes it), otherwise
    /// marked DRAFT with the reasons. Recorded in the audit log.
    pub fn export(&mut self, id: i64, format: ExportFormat) -> Outcome<Exported> {
        self.export_delivered(id, format, &Delivery::default())
    }

    /// As [`Workspace::export`], with how a status page export is delivered.
    pub fn export_delivered(
        &mut self,
        id: i64,
        format: ExportFormat,
        delivery: &Delivery,
    ) -> Outcome<Exported> {
        self.export_with(id, format, delivery, |_| Ok(()))
    }

    /// Renders the export and hands it to `deliver` (a file written, a page printed) in
    /// the same transaction that records it: an export that could not be delivered is
    /// not recorded as sent, nor the letter as published.
    fn export_with(
        &mut self,
        id: i64,
        format: ExportFormat,
        delivery: &Delivery,
        deliver: impl FnOnce(&Exported) -> Outcome<()>,
    ) -> Outcome<Exported> {
        let rules = self.rules()?;
        let actor = self.actor.clone();
        self.forget_reads();
        // The delivery's own error goes back to the caller as it was, not as the store's.
        let mut undelivered = None;
        let result = self.store.atomically(|store| {
            store.export_then(id, format, delivery, &rules, &actor, |exported| {
                deliver(exported).map_err(|e| {
                    let message = e.to_body().message;
                    undelivered = Some(e);
                    candor_store::StoreError::Refused(message)
                })
            })
        });
        match undelivered {
            Some(e) => Err(e),
            None => Ok(result?),
        }
    }

    /// Renders the letter for paper and hands its HTML to `print`, which lays it out as a
    /// PDF; the export is recorded (and a final letter published) only once `print` has
    /// written the file.
    pub fn export_pdf(
        &mut self,
        id: i64,
        print: impl FnOnce(&str) -> Result<(), String>,
    ) -> Outcome<Exported> {
        self.export_with(id, ExportFormat::Pdf, &Delivery::default(), |e| {
            print(&e.content).map_err(|why| {
                OperationError::Invalid(format!(
                    "the PDF could not be written ({why}); nothing was recorded as sent"
                ))
            })
        })
    }

    /// Renders the letter and writes it to `path`; a final HTML letter's signature goes
    /// beside it as `LETTER.sig.json`. Recorded only once both are written.
    pub fn export_to(
        &mut self,
        id: i64,
        format: ExportFormat,
        delivery: &Delivery,
        path: &Path,
    ) -> Outcome<Exported> {
        self.export_with(id, format, delivery, |exported| {
            crate::write_file(path, &exported.content)?;
            if let Some(signature) = &exported.signature {
                crate::write_file(&signature_path(path), signature)?;
            }
            Ok(())
        })
    }

    /// The letter as e-mail HTML with its plain-text twin, for the clipboard.
    pub fn export_email(&mut self, id: i64) -> Outcome<Exported> {
        let rules = self.rules()?;
        let actor = self.actor.clone();
        self.forget_reads();
        Ok(self
            .store
            .atomically(|store| store.export_email(id, &rules, &actor))?)
    }

    /// The letter as a status page would show it, for the export dialog's preview.
    pub fn status_page_preview(&self, id: i64, format: ExportFormat) -> Outcome<String> {
        let incident = self.store.incident(id)?;
        let settings = self.export_settings()?;
        let opts = candor_core::export::ExportOptions {
            company: settings.company,
            date: chrono::Utc::now(),
            ..Default::default()
        };
        Ok(candor_core::export::status::shown_html(
            format,
            &incident,
            &incident.skipped_sections(),
            &opts,
        ))
    }

    /// Whether an export would be final, and the file name the save dialog suggests.
    pub fn export_plan(&mut self, id: i64) -> Outcome<ExportPlan> {
        let status = self.review_status(id)?;
        let incident = self.store.incident(id)?;
        let settings = self.export_settings()?;
        let name = file_name(&incident, "x", chrono::Utc::now());
        Ok(ExportPlan {
            status,
            file_stem: name.trim_end_matches(".x").to_string(),
            company: settings.company,
            has_logo: !settings.logo.is_empty(),
        })
    }
}

/// Where a letter's detached signature lives: `LETTER.html` → `LETTER.sig.json`.
pub fn signature_path(letter: &Path) -> PathBuf {
    letter.with_extension("sig.json")
}

/// Checks an exported letter against the signature file beside it: who approved it, or
/// exactly what does not match. Files that cannot be read are the outer error.
pub fn verify_letter(letter: &Path) -> Outcome<Result<Verified, String>> {
    let html = crate::read_text_file(letter)?;
    let sig_path = signature_path(letter);
    if !sig_path.exists() {
        return Err(OperationError::Invalid(format!(
            "there is no signature beside the letter: {} is missing",
            sig_path.display()
        )));
    }
    let sig = crate::read_text_file(&sig_path)?;
    Ok(verify_letter_text(&html, &sig))
}

/// Reads a format's name as typed on the command line.
pub fn export_format(name: &str) -> Outcome<ExportFormat> {
    name.parse().map_err(OperationError::Invalid)
}
