// A failed unwrap here is a failed test, which is what it should be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

//! `candor publish --to statuspage`: the requests Statuspage's API reference describes
//! (method, path, headers, body), checked by a server on loopback; nothing is sent for a
//! letter that is not approved, and a refusal leaves the letter unpublished.

mod common;
use common::{candor, candor_with};

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::sync::mpsc;

struct Seen {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Value,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A one-thread HTTP server that answers every request with `status` and reports each.
fn server(status: u16) -> (String, mpsc::Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/v1", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            let mut parts = line.split_whitespace();
            let (method, path) = (
                parts.next().unwrap_or("").to_string(),
                parts.next().unwrap_or("").to_string(),
            );
            let mut headers = Vec::new();
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                let h = h.trim_end();
                if h.is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    headers.push((k.trim().to_string(), v.trim().to_string()));
                }
            }
            let length: usize = headers
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
                .map_or(0, |(_, v)| v.parse().unwrap());
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let reply = if status == 200 {
                "{\"body_draft\":\"ok\"}"
            } else {
                "{\"error\":\"Could not authenticate\"}"
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{reply}",
                reply.len()
            );
            let body = serde_json::from_slice(&body).unwrap_or(Value::Null);
            if tx
                .send(Seen {
                    method,
                    path,
                    headers,
                    body,
                })
                .is_err()
            {
                return;
            }
        }
    });
    (url, rx)
}

fn letter(db: &Path, approve: bool) {
    candor(
        db,
        &[
            "--as",
            "dana",
            "incident",
            "new",
            "--title",
            "Exports stalled",
        ],
        "",
    );
    for (section, text) in [
        (
            "summary",
            "On Tuesday from 9:10 to 10:05 AM, exports did not finish.",
        ),
        ("details", "A change we made stopped them."),
        ("wrong", "We released during working hours. We are sorry."),
        (
            "better",
            "- We alert when exports stall. In place since November 18.",
        ),
        ("thanks", "Thank you for your patience."),
    ] {
        candor(
            db,
            &[
                "--as", "dana", "letter", "set", "1", section, "--view", "customer",
            ],
            text,
        );
    }
    candor(db, &["--as", "dana", "review", "request", "1"], "");
    if approve {
        candor(
            db,
            &[
                "--as",
                "robin",
                "review",
                "approve",
                "1",
                "--role",
                "communications",
            ],
            "",
        );
    }
}

fn publish(db: &Path, url: &str) -> (i32, String, String) {
    candor_with(
        db,
        &[
            "--as",
            "dana",
            "publish",
            "1",
            "--to",
            "statuspage",
            "--page",
            "pg7example",
            "--incident",
            "inc42abc",
            "--notify-subscribers",
        ],
        "",
        &[
            ("CANDOR_STATUSPAGE_URL", url),
            ("CANDOR_STATUSPAGE_KEY", "sp-test-key"),
        ],
    )
}

#[test]
fn an_approved_letter_goes_as_the_documented_two_requests() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    letter(&db, true);
    let (url, seen) = server(200);
    let (code, out, err) = publish(&db, &url);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("subscribers notified"), "{out}");
    let create = seen.recv().unwrap();
    assert_eq!(create.method, "PUT");
    assert_eq!(
        create.path,
        "/v1/pages/pg7example/incidents/inc42abc/postmortem"
    );
    assert_eq!(create.header("authorization"), Some("OAuth sp-test-key"));
    assert!(
        create
            .header("content-type")
            .unwrap()
            .starts_with("application/json")
    );
    let draft = create
        .body
        .pointer("/postmortem/body_draft")
        .and_then(Value::as_str)
        .unwrap();
    assert!(draft.contains("## Summary of events"), "{draft}");
    assert_eq!(create.body.as_object().unwrap().len(), 1);
    let publish = seen.recv().unwrap();
    assert_eq!(publish.method, "PUT");
    assert_eq!(
        publish.path,
        "/v1/pages/pg7example/incidents/inc42abc/postmortem/publish"
    );
    assert_eq!(
        publish.body.pointer("/postmortem/notify_subscribers"),
        Some(&Value::Bool(true))
    );
    assert_eq!(
        publish.body.pointer("/postmortem/notify_twitter"),
        Some(&Value::Bool(false))
    );
    let (_, status, _) = candor(&db, &["review", "status", "1"], "");
    assert!(status.starts_with("state: published"), "{status}");
}

#[test]
fn nothing_is_sent_for_a_letter_not_approved_and_a_refusal_publishes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    letter(&db, false);
    let (url, seen) = server(200);
    let (code, _, err) = publish(&db, &url);
    assert_eq!(code, 2);
    assert!(err.contains("only an approved letter"), "{err}");
    assert!(seen.try_recv().is_err(), "no request was made");

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("candor.db");
    letter(&db, true);
    let (url, _seen) = server(401);
    let (code, _, err) = publish(&db, &url);
    assert_eq!(code, 2);
    assert!(
        err.contains("HTTP 401") && err.contains("Could not authenticate"),
        "{err}"
    );
    let (_, status, _) = candor(&db, &["review", "status", "1"], "");
    assert!(status.starts_with("state: approved"), "{status}");
    let bad_page = candor_with(
        &db,
        &[
            "publish",
            "1",
            "--to",
            "statuspage",
            "--page",
            "../admin",
            "--incident",
            "x",
        ],
        "",
        &[("CANDOR_STATUSPAGE_KEY", "k")],
    );
    assert_eq!(bad_page.0, 2, "{}", bad_page.2);
}
