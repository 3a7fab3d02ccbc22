//! The TypeScript types the front end uses are generated from these Rust types and
//! committed in `ui/src/lib/bindings.ts`. This test fails when that file is stale;
//! `make bindings` (CANDOR_UPDATE_BINDINGS=1) rewrites it.

use crate::checks::{
    Category, Dismissal, Finding, HouseStyle, LetterCheck, Level, TextFindings,
    house::PreferredTerm,
};
use crate::review::{
    Approval, ApprovalState, Comment, DiffKind, DiffSpan, ImportOutcome, PackageKey, ReviewStatus,
    Role, Verdict,
};
use crate::*;
use ts_rs::{Config, TS};

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorCode::decl(&cfg),
        ErrorBody::decl(&cfg),
        SectionKey::decl(&cfg),
        View::decl(&cfg),
        Severity::decl(&cfg),
        IncidentFacts::decl(&cfg),
        FactsDraft::decl(&cfg),
        PublishClock::decl(&cfg),
        DerivedFacts::decl(&cfg),
        SectionTexts::decl(&cfg),
        Letter::decl(&cfg),
        IncidentSummary::decl(&cfg),
        Incident::decl(&cfg),
        SaveReceipt::decl(&cfg),
        TextRevision::decl(&cfg),
        Place::decl(&cfg),
        BackupInfo::decl(&cfg),
        LogText::decl(&cfg),
        SessionInfo::decl(&cfg),
        LetterState::decl(&cfg),
        SectionState::decl(&cfg),
        SectionMark::decl(&cfg),
        SectionProgress::decl(&cfg),
        LogKind::decl(&cfg),
        LogEntry::decl(&cfg),
        NewLogEntry::decl(&cfg),
        LogEntryDraft::decl(&cfg),
        ImportFormat::decl(&cfg),
        ImportProblem::decl(&cfg),
        ImportPreview::decl(&cfg),
        crate::export::Delivery::decl(&cfg),
        ImportOptions::decl(&cfg),
        crate::history::Version::decl(&cfg),
        crate::history::SeenChange::decl(&cfg),
        crate::history::SinceSeen::decl(&cfg),
        SuggestedTimes::decl(&cfg),
        crate::promise::PromiseStatus::decl(&cfg),
        crate::promise::Promise::decl(&cfg),
        ActionStatus::decl(&cfg),
        ActionItem::decl(&cfg),
        ActionItemDraft::decl(&cfg),
        Step::decl(&cfg),
        StepGuidance::decl(&cfg),
        Guidance::decl(&cfg),
        Level::decl(&cfg),
        Category::decl(&cfg),
        Finding::decl(&cfg),
        TextFindings::decl(&cfg),
        PreferredTerm::decl(&cfg),
        HouseStyle::decl(&cfg),
        crate::checks::house::RuleSetting::decl(&cfg),
        AuditEntry::decl(&cfg),
        Dismissal::decl(&cfg),
        LetterCheck::decl(&cfg),
        Role::decl(&cfg),
        Verdict::decl(&cfg),
        Approval::decl(&cfg),
        Comment::decl(&cfg),
        DiffKind::decl(&cfg),
        DiffSpan::decl(&cfg),
        ApprovalState::decl(&cfg),
        ReviewStatus::decl(&cfg),
        ImportOutcome::decl(&cfg),
        PackageKey::decl(&cfg),
        crate::export::ExportFormat::decl(&cfg),
        crate::export::Exported::decl(&cfg),
        crate::export::ExportPlan::decl(&cfg),
        crate::export::ExportSettings::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in crates/core by `make bindings`. Do not edit.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(decl.trim());
        out.push('\n');
    }
    out.push_str(&constants());
    out
}

/// The domain's facts the window shows, so it never keeps its own copy of them.
fn constants() -> String {
    let mut out = String::from(
        "\n/** The six sections in letter order, with the titles customers see. */\nexport const SECTIONS: ReadonlyArray<{ key: SectionKey; title: string; optional: boolean }> = [\n",
    );
    for key in SectionKey::ALL {
        out.push_str(&format!(
            "  {{ key: {:?}, title: {:?}, optional: {} }},\n",
            key.key(),
            key.title(),
            key.is_optional()
        ));
    }
    out.push_str("];\n");
    out.push_str(&format!(
        "\n/** Hours after resolution by which the letter should be out. */\nexport const PUBLISH_TARGET_HOURS = {};\n",
        crate::facts::PUBLISH_TARGET_HOURS
    ));
    out
}

#[test]
fn typescript_bindings_are_current() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let fresh = generate();
    if std::env::var_os("CANDOR_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &fresh).expect("write bindings");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result"
    );
}
