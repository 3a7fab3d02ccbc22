//! Exports as the store records them: final only when the letter is approved, recorded
//! in the audit log with the content hash; a final export of the customer letter
//! publishes it.

use crate::{Store, StoreError};
use candor_core::LetterState;
use candor_core::audit::sha256_hex;
use candor_core::checks::RuleSet;
use candor_core::export::seal::{Sealing, seal};
use candor_core::export::{
    Delivery, ExportFormat, ExportOptions, Exported, file_name, letter_email_html, letter_text,
};
use chrono::Utc;

/// Settings for what exports carry besides the letter.
pub const COMPANY_SETTING: &str = "company";
pub const LOGO_SETTING: &str = "logo";

/// Whether an export is final, and why not.
struct Plan {
    incident: candor_core::Incident,
    /// The approvals in force, which a final letter's signature lists.
    approvals: Vec<candor_core::review::Approval>,
    skipped: Vec<candor_core::SectionKey>,
    letter_hash: String,
    is_final: bool,
    reasons: Option<Vec<String>>,
}

impl Store {
    fn plan(
        &mut self,
        id: i64,
        technical: bool,
        rules: &RuleSet,
        by: &str,
    ) -> Result<Plan, StoreError> {
        let status = self.review_status(id, rules, by)?;
        let incident = self.incident(id)?;
        let approved = matches!(status.state, LetterState::Approved | LetterState::Published);
        let is_final = technical || approved;
        let approvals = status
            .verdicts
            .iter()
            .filter(|v| !v.stale && v.approval.verdict == candor_core::review::Verdict::Approve)
            .map(|v| v.approval.clone())
            .collect();
        Ok(Plan {
            approvals,
            skipped: incident.skipped_sections(),
            incident,
            letter_hash: status.letter_hash,
            is_final,
            reasons: (!is_final).then_some(status.blockers),
        })
    }

    /// Records what left the machine: a final customer letter publishes it.
    fn record(
        &mut self,
        id: i64,
        plan: &Plan,
        technical: bool,
        what: &str,
        rules: &RuleSet,
        by: &str,
    ) -> Result<(), StoreError> {
        if technical {
            self.record_export(
                id,
                &plan.letter_hash,
                &format!("technical report ({what})"),
                by,
            )
        } else if plan.is_final {
            self.record_publication(id, &plan.letter_hash, what, by)?;
            self.review_status(id, rules, by).map(|_| ())
        } else {
            self.record_export(id, &plan.letter_hash, what, by)
        }
    }

    fn export_options(
        &self,
        draft_reasons: Option<Vec<String>>,
        delivery: &Delivery,
    ) -> Result<ExportOptions, StoreError> {
        Ok(ExportOptions {
            company: self.setting(COMPANY_SETTING)?.unwrap_or_default(),
            logo: self.setting(LOGO_SETTING)?,
            draft_reasons,
            date: Utc::now(),
            notify_subscribers: delivery.notify_subscribers,
            status_post: delivery.status_post.trim().to_string(),
        })
    }

    /// Renders the letter of `id` in `format`: final when approved (the export then
    /// publishes it), otherwise marked DRAFT with the reasons. Recorded in the audit log.
    pub fn export(
        &mut self,
        id: i64,
        format: ExportFormat,
        delivery: &Delivery,
        rules: &RuleSet,
        by: &str,
    ) -> Result<Exported, StoreError> {
        self.export_then(id, format, delivery, rules, by, |_| Ok(()))
    }

    /// As [`Store::export`], handing the export to `deliver` before it is recorded, so an
    /// export that never left (a PDF the print engine could not write) is not recorded as
    /// sent, nor the letter as published.
    pub fn export_then(
        &mut self,
        id: i64,
        format: ExportFormat,
        delivery: &Delivery,
        rules: &RuleSet,
        by: &str,
        deliver: impl FnOnce(&Exported) -> Result<(), StoreError>,
    ) -> Result<Exported, StoreError> {
        let technical = format.is_technical();
        let plan = self.plan(id, technical, rules, by)?;
        if format.is_status_page() && !plan.is_final {
            return Err(StoreError::Refused(format!(
                "a status page gets only an approved letter, and this one is not: {}",
                plan.reasons.clone().unwrap_or_default().join("; ")
            )));
        }
        let mut content = format
            .render(
                &plan.incident,
                &plan.skipped,
                &self.export_options(plan.reasons.clone(), delivery)?,
            )
            .map_err(StoreError::Refused)?;
        // A final letter in HTML is signed by whoever sends it out, with the approvals.
        let mut signature = None;
        if plan.is_final && format == ExportFormat::Html {
            let signer = self.signer(by)?;
            let (signed, sig) = seal(
                &content,
                Sealing {
                    incident_uid: &plan.incident.uid,
                    content_hash: &plan.letter_hash,
                    exported_at: &crate::time::now_stamp(),
                    exported_by: by,
                    approvals: plan.approvals.clone(),
                },
                &signer,
            );
            content = signed;
            signature = Some(sig);
        }
        let exported = Exported {
            text: None,
            is_final: plan.is_final && !technical,
            draft_reasons: plan.reasons.clone().unwrap_or_default(),
            file_name: file_name(&plan.incident, format.extension(), Utc::now()),
            signature,
            content,
        };
        deliver(&exported)?;
        self.record(
            id,
            &plan,
            technical,
            &format!("{} {}", format.key(), sha256_hex(&exported.content)),
            rules,
            by,
        )?;
        Ok(exported)
    }

    /// The letter for an e-mail: inline-styled HTML and its plain-text twin.
    pub fn export_email(
        &mut self,
        id: i64,
        rules: &RuleSet,
        by: &str,
    ) -> Result<Exported, StoreError> {
        let plan = self.plan(id, false, rules, by)?;
        let opts = self.export_options(plan.reasons.clone(), &Delivery::default())?;
        let html = letter_email_html(&plan.incident, &plan.skipped, &opts);
        let text = letter_text(&plan.incident, &plan.skipped, &opts);
        self.record(
            id,
            &plan,
            false,
            &format!("e-mail {}", sha256_hex(&html)),
            rules,
            by,
        )?;
        Ok(Exported {
            text: Some(text),
            is_final: plan.is_final,
            draft_reasons: plan.reasons.unwrap_or_default(),
            file_name: file_name(&plan.incident, "html", Utc::now()),
            content: html,
            signature: None,
        })
    }
}
