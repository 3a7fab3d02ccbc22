//! Exports as the store records them: final only when the letter is approved, recorded
//! in the audit log with the content hash; a final export of the customer letter
//! publishes it.

use crate::{Store, StoreError};
use candor_core::LetterState;
use candor_core::audit::sha256_hex;
use candor_core::checks::RuleSet;
use candor_core::export::{
    ExportFormat, ExportOptions, Exported, file_name, letter_email_html, letter_text,
};
use chrono::Utc;

/// Settings for what exports carry besides the letter.
pub const COMPANY_SETTING: &str = "company";
pub const LOGO_SETTING: &str = "logo";

impl Store {
    fn export_options(
        &self,
        draft_reasons: Option<Vec<String>>,
    ) -> Result<ExportOptions, StoreError> {
        Ok(ExportOptions {
            company: self.setting(COMPANY_SETTING)?.unwrap_or_default(),
            logo: self.setting(LOGO_SETTING)?,
            draft_reasons,
            date: Utc::now(),
        })
    }

    /// Renders the letter of `id` in `format`: final when approved (the export then
    /// publishes it), otherwise marked DRAFT with the reasons. Recorded in the audit log.
    pub fn export(
        &mut self,
        id: i64,
        format: ExportFormat,
        rules: &RuleSet,
        by: &str,
    ) -> Result<Exported, StoreError> {
        let status = self.review_status(id, rules, by)?;
        let incident = self.incident(id)?;
        let skipped = crate::review::skipped(&incident);
        let is_final = format.is_technical()
            || matches!(status.state, LetterState::Approved | LetterState::Published);
        let reasons = if is_final {
            None
        } else {
            Some(status.blockers.clone())
        };
        let content = format.render(&incident, &skipped, &self.export_options(reasons.clone())?);
        let what = format!("{} {}", format.key(), sha256_hex(&content));
        if format.is_technical() {
            self.record_export(
                id,
                &status.letter_hash,
                &format!("technical report ({what})"),
                by,
            )?;
        } else if is_final {
            self.record_publication(id, &status.letter_hash, &what, by)?;
            self.review_status(id, rules, by)?;
        } else {
            self.record_export(id, &status.letter_hash, &what, by)?;
        }
        Ok(Exported {
            content,
            text: None,
            is_final: is_final && !format.is_technical(),
            draft_reasons: reasons.unwrap_or_default(),
            file_name: file_name(&incident, format.extension(), Utc::now()),
        })
    }

    /// The letter for an e-mail: inline-styled HTML and its plain-text twin.
    pub fn export_email(
        &mut self,
        id: i64,
        rules: &RuleSet,
        by: &str,
    ) -> Result<Exported, StoreError> {
        let status = self.review_status(id, rules, by)?;
        let incident = self.incident(id)?;
        let skipped = crate::review::skipped(&incident);
        let is_final = matches!(status.state, LetterState::Approved | LetterState::Published);
        let reasons = if is_final {
            None
        } else {
            Some(status.blockers.clone())
        };
        let opts = self.export_options(reasons.clone())?;
        let html = letter_email_html(&incident, &skipped, &opts);
        let text = letter_text(&incident, &skipped, &opts);
        let what = format!("e-mail {}", sha256_hex(&html));
        if is_final {
            self.record_publication(id, &status.letter_hash, &what, by)?;
            self.review_status(id, rules, by)?;
        } else {
            self.record_export(id, &status.letter_hash, &what, by)?;
        }
        Ok(Exported {
            content: html,
            text: Some(text),
            is_final,
            draft_reasons: reasons.unwrap_or_default(),
            file_name: file_name(&incident, "html", Utc::now()),
        })
    }
}
