//! Whose keys signed a review package, checked against the keys pinned here.

use crate::package::{ReviewPackage, read_package, refused};
use crate::{Store, StoreError};
use candor_core::review::PackageKey;
use candor_core::review::signature::fingerprint;
pub(crate) use candor_core::review::signature::same_fingerprint;

/// Everyone who signed something in the package, with their key, in order of appearance.
pub(crate) fn signers(package: &ReviewPackage) -> Vec<(String, String)> {
    let mut seen: Vec<(String, String)> = Vec::new();
    let p = &package.payload;
    let all = std::iter::once((&package.exported_by, &package.public_key))
        .chain(p.approvals.iter().map(|a| (&a.reviewer, &a.public_key)))
        .chain(p.comments.iter().map(|c| (&c.author, &c.public_key)));
    for (name, key) in all {
        if !seen.iter().any(|(n, k)| n == name.trim() && k == key) {
            seen.push((name.trim().to_string(), key.clone()));
        }
    }
    seen
}

/// The signers' keys against those pinned here: a name signed with another key than its
/// pinned one, or a key pinned under another name, is refused.
pub(crate) fn key_checks(
    conn: &rusqlite::Connection,
    package: &ReviewPackage,
) -> Result<Vec<PackageKey>, StoreError> {
    let mut checks = Vec::new();
    for (name, key) in signers(package) {
        let fp = fingerprint(&key);
        let known = match crate::keys::key_of(conn, &name)? {
            Some((pinned, _)) if pinned == key => true,
            Some((pinned, _)) => {
                let why = format!(
                    "{name} signed with key {fp}, but the key known here for {name} is {}; it may not be them",
                    fingerprint(&pinned)
                );
                tracing::warn!("review package refused: {why}");
                return Err(refused(&why));
            }
            None => {
                if let Some(other) = crate::keys::name_of(conn, &key)? {
                    let why = format!("the key {fp} signing as {name} belongs to {other} here");
                    tracing::warn!("review package refused: {why}");
                    return Err(refused(&why));
                }
                false
            }
        };
        checks.push(PackageKey {
            name,
            fingerprint: fp,
            known,
        });
    }
    Ok(checks)
}

impl Store {
    /// Who signed the package's verdicts and comments, and whether each key is known
    /// here, so the importer can confirm new ones before anything is written. A package
    /// that cannot be imported is refused here already.
    pub fn package_keys(&self, text: &str) -> Result<Vec<PackageKey>, StoreError> {
        let package = read_package(text)?;
        self.read(|conn| key_checks(conn, &package))
    }
}
