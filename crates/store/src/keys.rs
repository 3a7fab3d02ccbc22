//! People's keys. Each name that acts in this file has one Ed25519 key: made here the first
//! time the name signs or saves, or pinned from a review package after the importer
//! confirmed its fingerprint. The database holds public keys only. A private half made
//! here goes into the desktop's keyring (the Secret Service on Linux, the Keychain,
//! the Windows Credential Manager) when the caller allows it and one answers; otherwise
//! into a file only the user can read, in a folder beside the database.

use crate::time::now_stamp;
use crate::{Store, StoreError};
use candor_core::review::signature::{Signer, audit_head_message, fingerprint, verify};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A key this file knows, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonKey {
    pub name: String,
    pub public_key: String,
    pub fingerprint: String,
    /// Made on this machine: Candor can sign with it here.
    pub local: bool,
    pub pinned_at: String,
    pub pinned_by: String,
}

/// The entries Candor keeps in the desktop's keyring: one per key, named by its public half.
const KEYRING_SERVICE: &str = "Candor signing key";

/// The private keys loaded so far, and where they live.
pub(crate) struct KeyStore {
    dir: PathBuf,
    loaded: HashMap<String, Arc<Signer>>,
    /// Whether to try the desktop's keyring before the folder beside the database.
    pub(crate) use_os_keyring: bool,
}

/// The folder beside `db` that holds the private keys of the people acting in it.
pub fn key_dir(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "candor.db".into());
    db.with_file_name(format!("{name}.keys"))
}

impl KeyStore {
    pub(crate) fn beside(db: &Path) -> KeyStore {
        KeyStore {
            dir: key_dir(db),
            loaded: HashMap::new(),
            use_os_keyring: false,
        }
    }

    fn os_entry(&self, public_key: &str) -> Option<keyring::Entry> {
        if !self.use_os_keyring {
            return None;
        }
        keyring::Entry::new(KEYRING_SERVICE, public_key).ok()
    }

    fn file(&self, public_key: &str) -> PathBuf {
        self.dir.join(format!("{public_key}.key"))
    }

    /// The signer for `name`: its key loaded, or made now when the name has none.
    pub(crate) fn signer(
        &mut self,
        conn: &Connection,
        name: &str,
    ) -> Result<Arc<Signer>, StoreError> {
        let name = name.trim();
        let folded = name.to_lowercase();
        if let Some(s) = self.loaded.get(&folded) {
            return Ok(s.clone());
        }
        let signer = match key_of(conn, name)? {
            Some((public_key, true)) => self.load(name, &public_key)?,
            Some((_, false)) => {
                return Err(StoreError::Refused(format!(
                    "{name}\u{2019}s key came from a review package: only {name} can sign as {name}, on their own machine"
                )));
            }
            None => {
                let signer = self.make()?;
                conn.execute(
                    "INSERT INTO person_keys (public_key, name, local, pinned_at, pinned_by)
                     VALUES (?1, ?2, 1, ?3, ?2)",
                    params![signer.public_key(), name, now_stamp()],
                )?;
                tracing::info!("made a key for {name}: {}", signer.fingerprint());
                signer
            }
        };
        let signer = Arc::new(signer);
        self.loaded.insert(folded, signer.clone());
        Ok(signer)
    }

    fn load(&self, name: &str, public_key: &str) -> Result<Signer, StoreError> {
        let path = self.file(public_key);
        let missing = || {
            StoreError::Refused(format!(
                "{name}\u{2019}s private key is not in {} on this machine, so Candor cannot sign as {name} here",
                self.dir.display()
            ))
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(_) => self
                .os_entry(public_key)
                .and_then(|e| e.get_password().ok())
                .ok_or_else(missing)?,
        };
        let signer = Signer::from_secret_hex(&text).ok_or_else(missing)?;
        if signer.public_key() != public_key {
            return Err(missing());
        }
        Ok(signer)
    }

    fn make(&self) -> Result<Signer, StoreError> {
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret)
            .map_err(|e| StoreError::Internal(format!("no randomness for a new key: {e}")))?;
        let signer = Signer::from_secret(secret);
        let public_key = signer.public_key();
        if let Some(entry) = self.os_entry(&public_key) {
            match entry.set_password(&signer.secret_hex()) {
                Ok(()) => {
                    tracing::info!(
                        "the private key {} is in the desktop keyring",
                        signer.fingerprint()
                    );
                    return Ok(signer);
                }
                Err(e) => tracing::info!(
                    "no desktop keyring ({e}); the private key goes beside the database"
                ),
            }
        }
        write_private(&self.dir, &self.file(&public_key), &signer.secret_hex())?;
        Ok(signer)
    }

    /// Forgets a loaded key, after a rename moved it to another name.
    pub(crate) fn forget(&mut self) {
        self.loaded.clear();
    }
}

/// Writes a private key readable by the user only, whole or not at all.
fn write_private(dir: &Path, path: &Path, secret: &str) -> Result<(), StoreError> {
    let failed = |e: std::io::Error| StoreError::Unavailable {
        path: dir.display().to_string(),
        reason: format!("a private key could not be written there ({e})"),
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let partial = path.with_extension("partial");
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).map_err(failed)?;
    }
    {
        use std::io::Write;
        let mut file = options.open(&partial).map_err(failed)?;
        file.write_all(format!("{secret}\n").as_bytes())
            .map_err(failed)?;
        file.sync_all().map_err(failed)?;
    }
    std::fs::rename(&partial, path).map_err(failed)
}

/// The key stored under `name` and whether it was made here.
pub(crate) fn key_of(conn: &Connection, name: &str) -> Result<Option<(String, bool)>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT public_key, local FROM person_keys WHERE name = ?1",
            [name.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// The name `public_key` is pinned under, if any.
pub(crate) fn name_of(conn: &Connection, public_key: &str) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT name FROM person_keys WHERE public_key = ?1",
            [public_key],
            |r| r.get(0),
        )
        .optional()?)
}

pub(crate) fn pin(
    conn: &Connection,
    name: &str,
    public_key: &str,
    by: &str,
) -> Result<(), StoreError> {
    conn.execute(
        "INSERT INTO person_keys (public_key, name, local, pinned_at, pinned_by) VALUES (?1, ?2, 0, ?3, ?4)",
        params![public_key, name.trim(), now_stamp(), by],
    )?;
    Ok(())
}

/// Signs the audit log's last entry in the name of whoever wrote it, when it changed. An
/// entry written in a name that cannot sign here (a reviewer's pinned key) leaves the head
/// as it was: the entries before it stay covered.
pub(crate) fn seal(conn: &Connection, keys: &mut KeyStore) -> Result<(), StoreError> {
    let last: Option<(i64, String, String)> = conn
        .query_row(
            "SELECT id, hash, actor FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let Some((entry, hash, actor)) = last else {
        return Ok(());
    };
    let signed: Option<i64> = conn
        .query_row("SELECT entry_id FROM audit_head", [], |r| r.get(0))
        .optional()?;
    if signed == Some(entry) {
        return Ok(());
    }
    let signer = match keys.signer(conn, &actor) {
        Ok(s) => s,
        Err(StoreError::Refused(_)) => return Ok(()),
        Err(e) => return Err(e),
    };
    conn.execute(
        "INSERT INTO audit_head (only, entry_id, hash, public_key, signature) VALUES (1, ?1, ?2, ?3, ?4)
         ON CONFLICT (only) DO UPDATE SET entry_id = excluded.entry_id, hash = excluded.hash,
             public_key = excluded.public_key, signature = excluded.signature",
        params![
            entry,
            hash,
            signer.public_key(),
            signer.sign(&audit_head_message(entry, &hash))
        ],
    )?;
    Ok(())
}

/// Whether the signed head holds: the entry it names still has the hash that was signed,
/// by a key this file knows. Returns the entry id where it fails.
pub(crate) fn head_break(conn: &Connection) -> Result<Option<i64>, StoreError> {
    let head: Option<(i64, String, String, String)> = conn
        .query_row(
            "SELECT entry_id, hash, public_key, signature FROM audit_head",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((entry, hash, public_key, signature)) = head else {
        return Ok(None);
    };
    let stored: Option<String> = conn
        .query_row("SELECT hash FROM audit_log WHERE id = ?1", [entry], |r| {
            r.get(0)
        })
        .optional()?;
    let holds = stored.as_deref() == Some(hash.as_str())
        && name_of(conn, &public_key)?.is_some()
        && verify(&public_key, &audit_head_message(entry, &hash), &signature);
    Ok((!holds).then_some(entry))
}

impl Store {
    /// Lets new private keys go into the desktop's keyring when one answers. Off unless
    /// asked for, so tests and tools working on scratch files never touch it.
    pub fn use_os_keyring(&mut self, on: bool) {
        self.keys.use_os_keyring = on;
    }

    /// Every key this file knows, by name.
    pub fn person_keys(&self) -> Result<Vec<PersonKey>, StoreError> {
        self.read(|conn| {
            let mut stmt = conn.prepare(
                "SELECT name, public_key, local, pinned_at, pinned_by FROM person_keys ORDER BY name",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    let public_key: String = r.get(1)?;
                    Ok(PersonKey {
                        name: r.get(0)?,
                        fingerprint: fingerprint(&public_key),
                        public_key,
                        local: r.get(2)?,
                        pinned_at: r.get(3)?,
                        pinned_by: r.get(4)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(rows)
        })
    }

    /// The key `name` signs with here, made now if the name has none yet.
    pub(crate) fn signer(&mut self, name: &str) -> Result<Arc<Signer>, StoreError> {
        let result = self.keys.signer(&self.conn, name);
        result.map_err(|e| e.located(&self.path))
    }

    /// The public key `name` signs with here, made now if the name has none yet.
    pub fn key_for(&mut self, name: &str) -> Result<String, StoreError> {
        let keys = &mut self.keys;
        let result = match key_of(&self.conn, name)? {
            Some((public_key, _)) => Ok(public_key),
            None => keys.signer(&self.conn, name).map(|s| s.public_key()),
        };
        result.map_err(|e| e.located(&self.path))
    }

    /// Gives a local profile's key a new name: the same person, renamed. Refused when the
    /// name already belongs to someone else's key.
    pub fn rename_person(&mut self, from: &str, to: &str) -> Result<(), StoreError> {
        let (from, to) = (from.trim(), to.trim());
        if from.eq_ignore_ascii_case(to) {
            return Ok(());
        }
        self.write(|tx| {
            let Some((public_key, true)) = key_of(tx, from)? else {
                return Ok(());
            };
            if key_of(tx, to)?.is_some() {
                return Err(StoreError::Refused(format!(
                    "{to} is already someone else\u{2019}s name here, with their own key"
                )));
            }
            tx.execute(
                "UPDATE person_keys SET name = ?2 WHERE public_key = ?1",
                params![public_key, to],
            )?;
            crate::audit::append(
                tx,
                None,
                to,
                "rename profile",
                &format!("{from} is now {to} (key {})", fingerprint(&public_key)),
                "",
            )
        })?;
        self.keys.forget();
        Ok(())
    }
}
