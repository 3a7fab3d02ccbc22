//! Who may approve: the one rule the window, the command line and review packages share.

use crate::SectionKey;

/// What decides whether a person may approve the letter, or one section of it.
#[derive(Debug, Clone)]
pub struct ApprovalRequest<'a> {
    pub reviewer: &'a str,
    /// The public key the reviewer signs with: the same key under another name is the
    /// same person, so renaming a profile does not make a drafter a reviewer.
    pub reviewer_key: &'a str,
    pub section: Option<SectionKey>,
    /// Whether the drafter asked for review.
    pub review_requested: bool,
    /// Who created the incident.
    pub created_by: &'a str,
    /// The key of whoever created it, when it was created by a signing Candor.
    pub created_key: &'a str,
    /// Everyone who saved customer text of what is approved (the section, or any section
    /// for the whole letter) since it was last approved.
    pub writers_since_approval: &'a [String],
    /// The keys those writers saved with (empty for saves made before keys existed).
    pub writer_keys_since_approval: &'a [String],
}

/// Why `request.reviewer` may not approve, or `None` when they may. The one rule every
/// way of approving (the window, the command line, a review package) goes through: no
/// approval before review was asked for, and no one approves words they wrote.
pub fn approval_refusal(request: &ApprovalRequest<'_>) -> Option<String> {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let reviewer = request.reviewer.trim();
    if reviewer.is_empty() {
        return Some("say who is approving".to_string());
    }
    if !request.review_requested {
        return Some(
            "the letter has not been sent for review yet; its drafter asks for review first"
                .to_string(),
        );
    }
    let same_key = |k: &str| !k.is_empty() && k == request.reviewer_key;
    if same(request.created_by, reviewer) || same_key(request.created_key) {
        return Some(format!(
            "{reviewer} drafted this letter and cannot approve it; someone else must"
        ));
    }
    if request
        .writers_since_approval
        .iter()
        .any(|w| same(w, reviewer))
        || request
            .writer_keys_since_approval
            .iter()
            .any(|k| same_key(k))
    {
        let what = request.section.map_or("this letter".to_string(), |s| {
            format!("\u{201c}{}\u{201d}", s.title())
        });
        return Some(format!(
            "{reviewer} wrote customer text of {what} since it was last approved and cannot approve it; someone else must"
        ));
    }
    None
}
