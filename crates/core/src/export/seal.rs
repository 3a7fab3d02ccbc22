//! A verifiable letter. A final HTML export carries a small footer saying who approved it,
//! in which role, when and with which key, and a detached `LETTER.sig.json` beside it.
//!
//! The letter's hash is the SHA-256 of the HTML file's text with the footer element
//! (from `<footer id="candor-signature"` to its `</footer>` and the line break after it)
//! taken out, so the footer can show the hash of everything else. The reviewers signed the
//! canonical text of what they approved (see `review::canonical_letter`); the person who
//! exported signs a statement binding that text's hash to this HTML's hash and to the
//! approvals it lists. `verify` checks every one of those links.

use crate::audit::sha256_hex;
use crate::render::escape;
use crate::review::signature::{Signer, fingerprint, verdict_problem, verify};
use crate::review::{Approval, Verdict};
use serde::{Deserialize, Serialize};

pub const SIGNATURE_FORMAT: &str = "candor-letter-signature";
const FOOTER_OPEN: &str = "<footer id=\"candor-signature\"";
const FOOTER_CLOSE: &str = "</footer>\n";

/// The detached signature of a final letter: `LETTER.sig.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterSignature {
    pub format: String,
    pub version: u32,
    pub incident_uid: String,
    /// SHA-256 of the HTML file with the signature footer taken out.
    pub letter_sha256: String,
    /// SHA-256 of the canonical text the reviewers approved.
    pub content_hash: String,
    pub exported_at: String,
    pub exported_by: String,
    pub public_key: String,
    /// The exporter's signature of [`statement`].
    pub signature: String,
    /// The approvals in force when the letter was exported, each signed by its reviewer.
    pub approvals: Vec<Approval>,
}

/// What the exporter signs.
pub fn statement(s: &LetterSignature) -> String {
    let uids: Vec<&str> = s.approvals.iter().map(|a| a.uid.as_str()).collect();
    serde_json::to_string(&[
        "candor-letter/1",
        &s.incident_uid,
        &s.letter_sha256,
        &s.content_hash,
        &s.exported_at,
        &s.exported_by,
        &s.public_key,
        &uids.join(","),
    ])
    .unwrap_or_default()
}

/// The HTML as it was hashed: the signature footer taken out.
pub fn without_footer(html: &str) -> String {
    let Some(start) = html.find(FOOTER_OPEN) else {
        return html.to_string();
    };
    match html[start..].find(FOOTER_CLOSE) {
        Some(end) => format!(
            "{}{}",
            &html[..start],
            &html[start + end + FOOTER_CLOSE.len()..]
        ),
        None => html.to_string(),
    }
}

/// What a person signing a letter says about it.
pub struct Sealing<'a> {
    pub incident_uid: &'a str,
    pub content_hash: &'a str,
    pub exported_at: &'a str,
    pub exported_by: &'a str,
    pub approvals: Vec<Approval>,
}

/// Signs `html` (which has no footer yet): returns the HTML with its footer and the text of
/// `LETTER.sig.json`.
pub fn seal(html: &str, sealing: Sealing<'_>, signer: &Signer) -> (String, String) {
    let mut sig = LetterSignature {
        format: SIGNATURE_FORMAT.into(),
        version: 1,
        incident_uid: sealing.incident_uid.into(),
        letter_sha256: sha256_hex(html),
        content_hash: sealing.content_hash.into(),
        exported_at: sealing.exported_at.into(),
        exported_by: sealing.exported_by.into(),
        public_key: signer.public_key(),
        signature: String::new(),
        approvals: sealing.approvals,
    };
    sig.signature = signer.sign(&statement(&sig));
    let footer = footer(&sig);
    let signed = match html.rfind("</main>") {
        Some(at) => format!("{}{footer}{}", &html[..at], &html[at..]),
        None => format!("{html}{footer}"),
    };
    let json = serde_json::to_string_pretty(&sig).unwrap_or_default();
    (signed, format!("{json}\n"))
}

fn footer(sig: &LetterSignature) -> String {
    let approvals: Vec<String> = sig
        .approvals
        .iter()
        .map(|a| {
            format!(
                "<li>Approved by {} ({}{}) on {} · key <code class=\"key\">{}</code></li>",
                escape(&a.reviewer),
                a.role.key(),
                a.section
                    .map(|s| format!(", \u{201c}{}\u{201d}", escape(s.title())))
                    .unwrap_or_default(),
                escape(&readable(&a.at)),
                fingerprint(&a.public_key)
            )
        })
        .collect();
    format!(
        "{FOOTER_OPEN} class=\"signature\">\n<p>This letter is signed. Exported by {} (key <code class=\"key\">{}</code>) on {}.</p>\n<ul>{}</ul>\n<p>Letter SHA-256 <code>{}</code>. Check it with <code>candor verify</code> and the <code>.sig.json</code> file sent with it.</p>\n{FOOTER_CLOSE}",
        escape(&sig.exported_by),
        fingerprint(&sig.public_key),
        escape(&readable(&sig.exported_at)),
        approvals.join(""),
        sig.letter_sha256,
    )
}

/// `7 December 2026, 01:50 UTC`, for people; the signature file keeps the exact time.
fn readable(at: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(at)
        .map(|t| {
            t.with_timezone(&chrono::Utc)
                .format("%-d %B %Y, %H:%M UTC")
                .to_string()
        })
        .unwrap_or_else(|_| at.to_string())
}

/// Who approved a verified letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub exported_by: String,
    pub exporter_fingerprint: String,
    /// "Riley Comms, communications, 2026-12-07T10:00:00Z, key ab12 cd34 ef56 7890".
    pub approvals: Vec<String>,
}

/// Checks an exported letter against its detached signature: the HTML's hash, the
/// exporter's signature, and every reviewer's. The error says exactly what does not match.
pub fn verify_letter(html: &str, signature_json: &str) -> Result<Verified, String> {
    let sig: LetterSignature = serde_json::from_str(signature_json)
        .map_err(|e| format!("the signature file cannot be read ({e})"))?;
    if sig.format != SIGNATURE_FORMAT || sig.version != 1 {
        return Err("the signature file is not a Candor letter signature".into());
    }
    let hash = sha256_hex(&without_footer(html));
    if hash != sig.letter_sha256 {
        return Err(format!(
            "the letter was changed after it was signed: its text hashes to {hash}, but {} signed {}",
            sig.exported_by, sig.letter_sha256
        ));
    }
    if !verify(&sig.public_key, &statement(&sig), &sig.signature) {
        return Err(format!(
            "the signature file was changed after {} signed it (their signature does not match)",
            sig.exported_by
        ));
    }
    if !sig.approvals.iter().any(|a| a.verdict == Verdict::Approve) {
        return Err("the signature lists no approval".into());
    }
    let mut approvals = Vec::new();
    for a in &sig.approvals {
        if let Some(problem) = verdict_problem(&sig.incident_uid, a) {
            return Err(problem);
        }
        if a.verdict != Verdict::Approve {
            return Err(format!("the verdict by {} is not an approval", a.reviewer));
        }
        if a.section.is_none() && a.content_hash != sig.content_hash {
            return Err(format!(
                "{}\u{2019}s approval covers a different text from the letter that was exported",
                a.reviewer
            ));
        }
        approvals.push(format!(
            "{}, {}{}, {}, key {}",
            a.reviewer,
            a.role.key(),
            a.section
                .map(|s| format!(" of \u{201c}{}\u{201d}", s.title()))
                .unwrap_or_default(),
            a.at,
            fingerprint(&a.public_key)
        ));
    }
    Ok(Verified {
        exported_by: sig.exported_by.clone(),
        exporter_fingerprint: fingerprint(&sig.public_key),
        approvals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::signature::verdict_message;
    use crate::review::{Role, content_hash};

    fn approval(signer: &Signer, content: &str) -> Approval {
        let mut a = Approval {
            uid: "v1".into(),
            section: None,
            reviewer: "Robin Reviewer".into(),
            role: Role::Communications,
            verdict: Verdict::Approve,
            comment: String::new(),
            content_hash: content_hash(content),
            content: content.into(),
            at: "2026-12-01T09:00:00Z".into(),
            public_key: signer.public_key(),
            signature: String::new(),
        };
        a.signature = signer.sign(&verdict_message("incident-1", &a));
        a
    }

    fn sealed() -> (String, String) {
        let robin = Signer::from_secret([3; 32]);
        let dana = Signer::from_secret([4; 32]);
        let content = "Orders were delayed for an hour.";
        let html = "<html><body><main class=\"letter\"><p>Orders were delayed for an hour.</p>\n</main>\n</body></html>\n";
        seal(
            html,
            Sealing {
                incident_uid: "incident-1",
                content_hash: &content_hash(content),
                exported_at: "2026-12-01T10:00:00Z",
                exported_by: "Dana Drafter",
                approvals: vec![approval(&robin, content)],
            },
            &dana,
        )
    }

    #[test]
    fn a_sealed_letter_verifies_and_names_its_approver() {
        let (html, sig) = sealed();
        assert!(
            html.contains("Approved by Robin Reviewer (communications)"),
            "{html}"
        );
        assert!(!html.contains("<script"));
        let verified = verify_letter(&html, &sig).unwrap();
        assert_eq!(verified.exported_by, "Dana Drafter");
        assert!(verified.approvals[0].starts_with("Robin Reviewer, communications"));
    }

    #[test]
    fn one_changed_word_in_the_letter_fails() {
        let (html, sig) = sealed();
        let changed = html.replace("an hour", "a minute");
        let err = verify_letter(&changed, &sig).unwrap_err();
        assert!(err.contains("changed after it was signed"), "{err}");
    }

    #[test]
    fn an_edited_signature_file_fails() {
        let (html, sig) = sealed();
        // A claimed approver renamed in the signature file.
        let renamed = sig.replace("Robin Reviewer", "Legal Counsel");
        assert!(verify_letter(&html, &renamed).is_err());
        // The letter's hash swapped for the hash of an edited letter.
        let changed = html.replace("an hour", "a minute");
        let mut parsed: LetterSignature = serde_json::from_str(&sig).unwrap();
        parsed.letter_sha256 = sha256_hex(&without_footer(&changed));
        let swapped = serde_json::to_string(&parsed).unwrap();
        let err = verify_letter(&changed, &swapped).unwrap_err();
        assert!(err.contains("signature does not match"), "{err}");
        assert!(verify_letter(&html, "not json").is_err());
    }
}
