//! Running the built `candor` on a scratch database, for the command-line tests.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `candor --db DB ARGS` with `stdin` as its input: (exit code, stdout, stderr).
#[allow(dead_code)] // Each test file uses what it needs of this module.
pub fn candor(db: &Path, args: &[&str], stdin: &str) -> (i32, String, String) {
    candor_with(db, args, stdin, &[])
}

/// As [`candor`], with more environment variables.
#[allow(dead_code)]
pub fn candor_with(
    db: &Path,
    args: &[&str],
    stdin: &str,
    env: &[(&str, &str)],
) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_candor"))
        .envs(env.iter().copied())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("CANDOR_DB")
        // Test keys stay beside the scratch database, never in the desktop's keyring.
        .env("CANDOR_KEYRING", "off")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
