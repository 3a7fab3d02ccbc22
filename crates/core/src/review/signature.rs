//! Signatures: who said what, provable without trusting the file it arrived in.
//!
//! Every person has an Ed25519 key pair. A verdict, a comment, the head of the audit log
//! and a final letter are each signed over a canonical form: a compact JSON array of
//! strings whose first element names the form and its version. JSON is used because its
//! escaping is unambiguous (no field can smuggle in a separator), and an array because its
//! order is fixed. The forms:
//!
//! - verdict: `["candor-verdict/1", incident uid, verdict uid, section key or "letter",
//!   role, reviewer, public key, at, "approve" | "request-changes", comment, content hash]`
//! - comment: `["candor-comment/1", incident uid, comment uid, section key or "letter",
//!   author, public key, at, body, parent uid or ""]`
//! - audit head: `["candor-audit-head/1", entry id, entry hash]`
//! - letter: `["candor-letter/1", letter sha-256, content hash, exported at, exporter,
//!   public key, approval uids joined by ","]`
//!
//! Keys and signatures travel as lowercase hex. A fingerprint is the first 16 hex digits
//! of the SHA-256 of the raw public key, in groups of four, short enough to read aloud.

use super::{Approval, Comment};
use crate::SectionKey;
use crate::audit::sha256_hex;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

/// A person's private key, able to sign in their name.
pub struct Signer {
    key: SigningKey,
}

impl std::fmt::Debug for Signer {
    // Never print the private half, even by accident in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Signer({})", self.fingerprint())
    }
}

impl Signer {
    /// A signer from the 32 secret bytes of an Ed25519 key (random bytes make a new key).
    pub fn from_secret(secret: [u8; 32]) -> Signer {
        Signer {
            key: SigningKey::from_bytes(&secret),
        }
    }

    /// Reads a secret written by [`Signer::secret_hex`].
    pub fn from_secret_hex(hex: &str) -> Option<Signer> {
        let bytes: [u8; 32] = decode_hex(hex.trim())?.try_into().ok()?;
        Some(Signer::from_secret(bytes))
    }

    pub fn secret_hex(&self) -> String {
        encode_hex(self.key.as_bytes())
    }

    pub fn public_key(&self) -> String {
        encode_hex(self.key.verifying_key().as_bytes())
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(&self.public_key())
    }

    pub fn sign(&self, message: &str) -> String {
        encode_hex(&self.key.sign(message.as_bytes()).to_bytes())
    }
}

/// The short form of a public key that people compare: `a1b2 c3d4 e5f6 0718`.
pub fn fingerprint(public_key: &str) -> String {
    let raw = decode_hex(public_key).unwrap_or_else(|| public_key.as_bytes().to_vec());
    let digest = encode_hex(&Sha256::digest(raw));
    digest.as_bytes()[..16]
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A fingerprint as people may type it: case and spaces do not matter.
pub fn same_fingerprint(a: &str, b: &str) -> bool {
    let squash = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase()
    };
    squash(a) == squash(b)
}

/// Whether `signature` is `public_key`'s signature of `message`.
pub fn verify(public_key: &str, message: &str, signature: &str) -> bool {
    let Some(key) = decode_hex(public_key)
        .and_then(|b| <[u8; 32]>::try_from(b).ok())
        .and_then(|b| VerifyingKey::from_bytes(&b).ok())
    else {
        return false;
    };
    let Some(sig) = decode_hex(signature).and_then(|b| <[u8; 64]>::try_from(b).ok()) else {
        return false;
    };
    key.verify_strict(message.as_bytes(), &Signature::from_bytes(&sig))
        .is_ok()
}

fn form(parts: &[&str]) -> String {
    // Serialising a list of strings cannot fail.
    serde_json::to_string(parts).unwrap_or_default()
}

fn scope(section: Option<SectionKey>) -> &'static str {
    section.map_or("letter", |s| s.key())
}

/// What a reviewer signs when they give a verdict.
pub fn verdict_message(incident_uid: &str, a: &Approval) -> String {
    form(&[
        "candor-verdict/1",
        incident_uid,
        &a.uid,
        scope(a.section),
        a.role.key(),
        &a.reviewer,
        &a.public_key,
        &a.at,
        a.verdict.key(),
        &a.comment,
        &a.content_hash,
    ])
}

/// What a person signs when they comment.
pub fn comment_message(incident_uid: &str, c: &Comment) -> String {
    form(&[
        "candor-comment/1",
        incident_uid,
        &c.uid,
        scope(c.section),
        &c.author,
        &c.public_key,
        &c.at,
        &c.body,
        c.parent.as_deref().unwrap_or(""),
    ])
}

/// What the writer of the audit log's last entry signs.
pub fn audit_head_message(entry_id: i64, hash: &str) -> String {
    form(&["candor-audit-head/1", &entry_id.to_string(), hash])
}

/// Why a verdict's signature does not hold, or None when it does.
pub fn verdict_problem(incident_uid: &str, a: &Approval) -> Option<String> {
    if a.public_key.is_empty() || a.signature.is_empty() {
        return Some(format!("the verdict by {} is not signed", a.reviewer));
    }
    if a.content_hash != sha256_hex(&a.content) {
        return Some(format!(
            "the text {} reviewed does not match what their verdict covers",
            a.reviewer
        ));
    }
    (!verify(
        &a.public_key,
        &verdict_message(incident_uid, a),
        &a.signature,
    ))
    .then(|| {
        format!(
            "the verdict by {} was changed after they signed it (its signature does not match)",
            a.reviewer
        )
    })
}

/// Why a comment's signature does not hold, or None when it does.
pub fn comment_problem(incident_uid: &str, c: &Comment) -> Option<String> {
    if c.public_key.is_empty() || c.signature.is_empty() {
        return Some(format!("the comment by {} is not signed", c.author));
    }
    (!verify(
        &c.public_key,
        &comment_message(incident_uid, c),
        &c.signature,
    ))
    .then(|| {
        format!(
            "the comment by {} was changed after they signed it (its signature does not match)",
            c.author
        )
    })
}

pub fn encode_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_message_only() {
        let signer = Signer::from_secret([7; 32]);
        let sig = signer.sign("approve");
        assert!(verify(&signer.public_key(), "approve", &sig));
        assert!(!verify(&signer.public_key(), "approvE", &sig));
        let other = Signer::from_secret([8; 32]);
        assert!(!verify(&other.public_key(), "approve", &sig));
        assert!(!verify("zz", "approve", &sig));
        assert!(!verify(&signer.public_key(), "approve", "00"));
    }

    #[test]
    fn a_secret_round_trips_and_the_fingerprint_is_short() {
        let signer = Signer::from_secret([9; 32]);
        let again = Signer::from_secret_hex(&signer.secret_hex()).map(|s| s.public_key());
        assert_eq!(again, Some(signer.public_key()));
        let fp = signer.fingerprint();
        assert_eq!(fp.len(), 19, "{fp}");
        assert_eq!(fp.split(' ').count(), 4);
        assert!(Signer::from_secret_hex("abc").is_none());
        assert!(!format!("{signer:?}").contains(&signer.secret_hex()));
    }

    #[test]
    fn no_field_can_pose_as_another() {
        // A comma or quote inside a field stays inside it.
        assert_ne!(form(&["a,b", "c"]), form(&["a", "b,c"]));
        assert_ne!(form(&["a\",\"b"]), form(&["a", "b"]));
    }
}
