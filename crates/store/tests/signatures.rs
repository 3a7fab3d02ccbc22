// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! Identity is a key: verdicts and packages are signed, keys are pinned on first use,
//! forgeries are refused without a byte of the file changing, and the audit log's head is
//! signed so a recomputed chain is still caught.

use candor_core::audit::sha256_hex;
use candor_core::review::{Role, Verdict};
use candor_core::{IncidentFacts, SectionKey, View};
use candor_store::{ReviewPackage, Store};
use std::path::{Path, PathBuf};

fn store() -> (tempfile::TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("candor.db");
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

fn trust_all(store: &Store, text: &str) -> Vec<String> {
    store
        .package_keys(text)
        .unwrap()
        .into_iter()
        .map(|k| k.fingerprint)
        .collect()
}

fn drafted(store: &mut Store, by: &str) -> i64 {
    let id = store
        .create_incident(IncidentFacts::titled("Invoices delayed"), by)
        .unwrap();
    store
        .save_section(
            id,
            SectionKey::Summary,
            View::Customer,
            "Invoices went out a day late.",
            by,
        )
        .unwrap();
    store.request_review(id, by).unwrap();
    id
}

/// The database file and its write-ahead log, byte for byte.
fn bytes(path: &Path) -> (Vec<u8>, Vec<u8>) {
    let wal = path.with_file_name("candor.db-wal");
    (
        std::fs::read(path).unwrap(),
        std::fs::read(wal).unwrap_or_default(),
    )
}

/// Dana drafts; Robin, on another machine, approves; the package comes back to Dana.
fn approved_package() -> (tempfile::TempDir, PathBuf, Store, i64, String) {
    let (dir, path, mut dana) = store();
    let (_d2, _p2, mut robin) = store();
    let id = drafted(&mut dana, "dana");
    let to_robin = dana.export_package(id, "dana").unwrap();
    let rid = robin
        .import_package(&to_robin, "robin", &trust_all(&robin, &to_robin))
        .unwrap()
        .incident_id;
    robin
        .record_verdict(
            rid,
            None,
            "robin",
            Role::Communications,
            Verdict::Approve,
            "Reads well.",
        )
        .unwrap();
    let back = robin.export_package(rid, "robin").unwrap();
    (dir, path, dana, id, back)
}

#[test]
fn a_new_reviewers_key_is_imported_only_once_confirmed_and_then_pinned() {
    let (_d, path, mut dana, id, back) = approved_package();
    let keys = dana.package_keys(&back).unwrap();
    let robin = keys.iter().find(|k| k.name == "robin").unwrap();
    assert!(!robin.known);
    let before = bytes(&path);
    let err = dana.import_package(&back, "dana", &[]).unwrap_err();
    assert!(err.to_string().contains("not yet trusted"), "{err}");
    assert!(err.to_string().contains(&robin.fingerprint), "{err}");
    assert_eq!(bytes(&path), before);

    // Typed with other spacing and case, the fingerprint still matches.
    let typed = robin.fingerprint.replace(' ', "").to_uppercase();
    let outcome = dana.import_package(&back, "dana", &[typed]).unwrap();
    assert_eq!(outcome.approvals_added, 1);
    assert_eq!(outcome.keys_pinned.len(), 1);
    let pinned = dana.person_keys().unwrap();
    assert!(pinned.iter().any(|k| k.name == "robin" && !k.local));
    let log = dana.audit_log(None).unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "pin key" && e.detail.contains("robin"))
    );
    let status = dana.review_record(id).unwrap();
    assert_eq!(status.approvals.len(), 1);
}

#[test]
fn an_approval_edited_with_its_checksum_recomputed_is_refused_and_nothing_changes() {
    let (_d, path, mut dana, _id, back) = approved_package();
    let mut package: ReviewPackage = serde_json::from_str(&back).unwrap();
    package.payload.approvals[0].comment = "Approved as is, no need to wait for legal.".into();
    package.checksum = sha256_hex(&serde_json::to_string(&package.payload).unwrap());
    let forged = serde_json::to_string(&package).unwrap();
    let before = bytes(&path);
    let err = dana
        .import_package(&forged, "dana", &trust_all_unchecked(&forged))
        .unwrap_err();
    assert!(err.to_string().contains("changed after"), "{err}");
    assert!(err.to_string().contains("nothing was imported"), "{err}");
    assert_eq!(bytes(&path), before);
}

/// Every fingerprint in a package, read without checking anything (as a hurried user
/// who trusts whatever they are shown would).
fn trust_all_unchecked(text: &str) -> Vec<String> {
    let package: ReviewPackage = serde_json::from_str(text).unwrap();
    std::iter::once(package.public_key)
        .chain(
            package
                .payload
                .approvals
                .iter()
                .map(|a| a.public_key.clone()),
        )
        .map(|k| candor_core::review::signature::fingerprint(&k))
        .collect()
}

#[test]
fn a_package_signed_by_a_second_key_under_a_pinned_name_is_refused() {
    let (_d, path, mut dana, _id, back) = approved_package();
    dana.import_package(&back, "dana", &trust_all(&dana, &back))
        .unwrap();
    // Someone else, on a third machine, calls themselves robin and sends a package.
    let (_d3, _p3, mut impostor) = store();
    let iid = drafted(&mut impostor, "robin");
    impostor
        .add_comment(iid, None, "robin", "Looks fine to me, send it.", None)
        .unwrap();
    let forged = impostor.export_package(iid, "robin").unwrap();
    let before = bytes(&path);
    let err = dana
        .import_package(&forged, "dana", &trust_all_unchecked(&forged))
        .unwrap_err();
    assert!(
        err.to_string().contains("the key known here for robin"),
        "{err}"
    );
    assert_eq!(bytes(&path), before);
}

#[test]
fn renaming_a_profile_does_not_make_the_drafter_a_reviewer() {
    let (_d, _p, mut store) = store();
    let id = drafted(&mut store, "dana");
    store.rename_person("dana", "Danielle Other").unwrap();
    let err = store
        .record_verdict(
            id,
            None,
            "Danielle Other",
            Role::Communications,
            Verdict::Approve,
            "",
        )
        .unwrap_err();
    assert!(err.to_string().contains("cannot approve"), "{err}");
    assert!(store.review_record(id).unwrap().approvals.is_empty());
}

#[test]
fn a_rewritten_audit_log_with_its_chain_recomputed_is_caught_by_the_signed_head() {
    let (_d, path, mut store) = store();
    drafted(&mut store, "dana");
    assert!(store.verify_audit_log().unwrap().is_none());
    let entries = store.audit_log(None).unwrap();
    drop(store);
    // Rewrite the first entry's detail and recompute every hash after it, as someone who
    // knows the chain's recipe would.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;",
    )
    .unwrap();
    let mut prev = candor_core::audit::GENESIS.to_string();
    for (i, e) in entries.into_iter().enumerate() {
        let detail = if i == 0 {
            format!("{} (rewritten)", e.detail)
        } else {
            e.detail
        };
        let hash = candor_core::audit::chain_hash(
            &prev,
            e.incident_id,
            &e.at,
            &e.actor,
            &e.action,
            &detail,
            &e.content_hash,
        );
        conn.execute(
            "UPDATE audit_log SET detail = ?2, prev_hash = ?3, hash = ?4 WHERE id = ?1",
            rusqlite::params![e.id, detail, prev, hash],
        )
        .unwrap();
        prev = hash;
    }
    drop(conn);
    let store = Store::open(&path).unwrap();
    assert!(
        store.audit_warning().is_some(),
        "the rewrite went unnoticed"
    );
}

#[test]
fn a_private_key_is_readable_by_its_owner_only() {
    let (_d, path, mut store) = store();
    drafted(&mut store, "dana");
    let key = &store.person_keys().unwrap()[0];
    assert!(key.local);
    let file = candor_store::key_dir(&path).join(format!("{}.key", key.public_key));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "mode {mode:o}");
    }
    // The database holds public keys only.
    let db = std::fs::read(&path).unwrap();
    let secret = std::fs::read_to_string(&file).unwrap();
    let needle = secret.trim().as_bytes();
    assert!(!db.windows(needle.len()).any(|w| w == needle));
}
