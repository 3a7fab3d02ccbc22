//! The audit log's rows and the hash chain that makes an edit to history detectable.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// The hash before the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 of a text, as lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AuditEntry {
    pub id: i64,
    pub incident_id: Option<i64>,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub detail: String,
    /// SHA-256 of the content the action was about (empty when none).
    pub content_hash: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of a row: every field but the id, after the previous row's hash, each on its
/// own line so no two different rows can run together into the same input.
pub fn chain_hash(
    prev_hash: &str,
    incident_id: Option<i64>,
    at: &str,
    actor: &str,
    action: &str,
    detail: &str,
    content_hash: &str,
) -> String {
    let incident = incident_id.map(|i| i.to_string()).unwrap_or_default();
    let fields = [
        prev_hash,
        &incident,
        at,
        actor,
        action,
        detail,
        content_hash,
    ];
    let mut input = String::new();
    for f in fields {
        input.push_str(&f.len().to_string());
        input.push(':');
        input.push_str(f);
        input.push('\n');
    }
    sha256_hex(&input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_a_known_value() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn fields_cannot_run_together() {
        let a = chain_hash(GENESIS, None, "t", "ab", "c", "", "");
        let b = chain_hash(GENESIS, None, "t", "a", "bc", "", "");
        assert_ne!(a, b);
    }
}
