use super::*;
use crate::View;

fn letter() -> Letter {
    let mut l = Letter::default();
    l.section_mut(SectionKey::Summary)
        .set(View::Customer, "Checkout failed for 95 minutes.".into());
    l.section_mut(SectionKey::Thanks)
        .set(View::Customer, "Thank you.".into());
    l
}

fn approval(
    letter: &Letter,
    reviewer: &str,
    role: Role,
    section: Option<SectionKey>,
    verdict: Verdict,
) -> Approval {
    let content = reviewed_content(letter, section, &[]);
    Approval {
        uid: format!("{reviewer}-{section:?}-{verdict:?}"),
        section,
        reviewer: reviewer.into(),
        role,
        verdict,
        comment: String::new(),
        content_hash: content_hash(&content),
        content,
        at: "2026-11-21T10:00:00Z".into(),
        public_key: String::new(),
        signature: String::new(),
    }
}

fn status(letter: &Letter, approvals: &[Approval], errors: usize, requested: bool) -> ReviewStatus {
    review_status(&ReviewFacts {
        letter,
        skipped: &[],
        required_roles: &[Role::Communications],
        approvals,
        comments: &[],
        open_errors: errors,
        review_requested: requested,
        published_hash: None,
    })
}

#[test]
fn canonical_text_ignores_only_invisible_differences() {
    assert_eq!(
        canonical_text("\n\nWe were down.  \r\nSorry.\n\n"),
        "We were down.\nSorry."
    );
    assert_ne!(
        content_hash(&canonical_text("We were down.")),
        content_hash(&canonical_text("We were  down."))
    );
}

#[test]
fn draft_then_in_review_then_approved() {
    let l = letter();
    assert_eq!(status(&l, &[], 0, false).state, LetterState::Draft);
    assert_eq!(status(&l, &[], 0, true).state, LetterState::InReview);
    let ok = approval(&l, "Robin", Role::Communications, None, Verdict::Approve);
    let s = status(&l, std::slice::from_ref(&ok), 0, true);
    assert_eq!(s.state, LetterState::Approved, "{:?}", s.blockers);
    // An open error holds it back.
    let s = status(&l, std::slice::from_ref(&ok), 1, true);
    assert_eq!(s.state, LetterState::InReview);
    assert_eq!(s.blockers, vec!["1 error-level finding is open"]);
}

#[test]
fn an_edit_makes_the_approval_stale_with_a_diff() {
    let l = letter();
    let ok = approval(&l, "Robin", Role::Communications, None, Verdict::Approve);
    let section_ok = approval(
        &l,
        "Robin",
        Role::Communications,
        Some(SectionKey::Thanks),
        Verdict::Approve,
    );
    let mut edited = l.clone();
    edited
        .section_mut(SectionKey::Summary)
        .set(View::Customer, "Checkout failed for 97 minutes.".into());
    let s = status(&edited, &[ok, section_ok], 0, true);
    assert_eq!(s.state, LetterState::InReview);
    assert_eq!(s.stale_roles, vec![Role::Communications]);
    let letter_verdict = s
        .verdicts
        .iter()
        .find(|v| v.approval.section.is_none())
        .unwrap();
    assert!(letter_verdict.stale);
    let inserted: Vec<&str> = letter_verdict
        .diff
        .iter()
        .filter(|d| d.kind == DiffKind::Insert)
        .map(|d| d.text.as_str())
        .collect();
    let deleted: Vec<&str> = letter_verdict
        .diff
        .iter()
        .filter(|d| d.kind == DiffKind::Delete)
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!((inserted, deleted), (vec!["97"], vec!["95"]));
    // The approval of an untouched section stays current.
    let thanks = s
        .verdicts
        .iter()
        .find(|v| v.approval.section == Some(SectionKey::Thanks))
        .unwrap();
    assert!(!thanks.stale);
}

#[test]
fn the_latest_verdict_of_a_reviewer_counts() {
    let l = letter();
    let ok = approval(&l, "Robin", Role::Communications, None, Verdict::Approve);
    let mut no = approval(
        &l,
        "Robin",
        Role::Communications,
        None,
        Verdict::RequestChanges,
    );
    no.uid = "later".into();
    let s = status(&l, &[ok.clone(), no.clone()], 0, true);
    assert_eq!(s.state, LetterState::InReview);
    assert!(
        s.blockers.iter().any(|b| b.contains("asked for changes")),
        "{:?}",
        s.blockers
    );
    assert_eq!(status(&l, &[no, ok], 0, true).state, LetterState::Approved);
}

#[test]
fn every_required_role_must_approve() {
    let l = letter();
    let comms = approval(&l, "Robin", Role::Communications, None, Verdict::Approve);
    let s = review_status(&ReviewFacts {
        letter: &l,
        skipped: &[],
        required_roles: &[Role::Communications, Role::Legal],
        approvals: std::slice::from_ref(&comms),
        comments: &[],
        open_errors: 0,
        review_requested: true,
        published_hash: None,
    });
    assert_eq!(s.missing_roles, vec![Role::Legal]);
    assert_eq!(
        s.blockers,
        vec!["no legal approval of the whole letter yet"]
    );
}

#[test]
fn published_means_exactly_what_was_exported() {
    let l = letter();
    let ok = approval(&l, "Robin", Role::Communications, None, Verdict::Approve);
    let hash = content_hash(&canonical_letter(&l, &[]));
    fn facts<'a>(letter: &'a Letter, ok: &'a Approval, hash: &'a str) -> ReviewFacts<'a> {
        ReviewFacts {
            letter,
            skipped: &[],
            required_roles: &[Role::Communications],
            approvals: std::slice::from_ref(ok),
            comments: &[],
            open_errors: 0,
            review_requested: true,
            published_hash: Some(hash),
        }
    }
    assert_eq!(
        review_status(&facts(&l, &ok, &hash)).state,
        LetterState::Published
    );
    let mut edited = l.clone();
    edited
        .section_mut(SectionKey::Thanks)
        .set(View::Customer, "Thank you all.".into());
    assert_eq!(
        review_status(&facts(&edited, &ok, &hash)).state,
        LetterState::InReview
    );
}

#[test]
fn each_comment_comes_with_the_fingerprint_of_its_key() {
    let signer = super::signature::Signer::from_secret([5; 32]);
    let comment = |public_key: String| Comment {
        uid: "c".into(),
        section: None,
        author: "robin".into(),
        body: "Clear.".into(),
        at: "2026-11-21T10:00:00Z".into(),
        resolved: false,
        parent: None,
        public_key,
        signature: String::new(),
    };
    let comments = [comment(signer.public_key()), comment(String::new())];
    let s = review_status(&ReviewFacts {
        letter: &Letter::default(),
        skipped: &[],
        required_roles: &[Role::Communications],
        approvals: &[],
        comments: &comments,
        open_errors: 0,
        review_requested: false,
        published_hash: None,
    });
    assert_eq!(
        s.comment_fingerprints,
        vec![signer.fingerprint(), String::new()]
    );
}
