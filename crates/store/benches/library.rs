//! A library of 10,000 letters: open, list and full-text search (target: 50 ms each), and
//! the cost of one autosave.

use candor_core::{IncidentFacts, SectionKey, View};
use candor_store::Store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;

const LETTERS: usize = 10_000;

/// The library is built once and kept under target/bench, since building it takes longer
/// than measuring it.
fn library() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("library-10k.db");
    let ready = dir.join("library-10k.ready");
    if ready.exists() {
        return path;
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let words = [
        "reminders",
        "payments",
        "checkout",
        "search",
        "login",
        "uploads",
        "billing",
        "images",
        "email",
        "reports",
    ];
    for i in 0..LETTERS {
        let topic = words[i % words.len()];
        let id = store
            .create_incident(
                IncidentFacts::titled(format!("Incident {i}: {topic} unavailable")),
                "bench",
            )
            .unwrap_or_else(|e| panic!("{e}"));
        for key in [SectionKey::Summary, SectionKey::Wrong, SectionKey::Thanks] {
            let body = format!(
                "For {} minutes customers could not use {topic}. We changed a setting in the {topic} service and reversed it. \
                 We are sorry for the time this cost you, and we thank you for your patience while we fixed it.",
                i % 180 + 5
            );
            store
                .save_section(id, key, View::Customer, &body, "bench")
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    drop(store);
    let _ = std::fs::write(&ready, "");
    path
}

fn bench(c: &mut Criterion) {
    let path = library();
    c.bench_function("open a 10,000-letter library", |b| {
        b.iter(|| black_box(Store::open(&path).unwrap_or_else(|e| panic!("{e}"))))
    });
    let store = Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    c.bench_function("list 10,000 letters", |b| {
        b.iter(|| black_box(store.list_incidents().unwrap_or_default()))
    });
    c.bench_function("full-text search over 10,000 letters", |b| {
        b.iter(|| {
            black_box(
                store
                    .search_incidents("checkout setting")
                    .unwrap_or_default(),
            )
        })
    });
    drop(store);

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut scratch =
        Store::open(&dir.path().join("autosave.db")).unwrap_or_else(|e| panic!("{e}"));
    let id = scratch
        .create_incident(IncidentFacts::titled("Autosave"), "bench")
        .unwrap_or_else(|e| panic!("{e}"));
    let mut n = 0u64;
    c.bench_function("autosave one section text", |b| {
        b.iter(|| {
            n += 1;
            scratch
                .save_section(
                    id,
                    SectionKey::Details,
                    View::Customer,
                    &format!("Draft number {n}."),
                    "bench",
                )
                .unwrap_or_else(|e| panic!("{e}"))
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
