// Generated from the Rust types in crates/core by `make bindings`. Do not edit.

export type ErrorCode = "invalid_input" | "not_found" | "database_corrupt" | "database_too_new" | "database_unavailable" | "database_busy" | "database_in_use" | "conflict" | "internal";

export type ErrorBody = { code: ErrorCode, message: string, };

export type SectionKey = "summary" | "details" | "wrong" | "better" | "right" | "thanks";

export type View = "technical" | "customer";

export type Severity = "sev1" | "sev2" | "sev3" | "sev4";

export type IncidentFacts = { title: string, 
/**
 * The affected product or service, as customers know it.
 */
service: string, severity: Severity, 
/**
 * IANA name of the zone the letter shows times in, e.g. `America/New_York`.
 */
zone: string, started: string | null, detected: string | null, mitigated: string | null, resolved: string | null, 
/**
 * Percent of customers affected, 0–100.
 */
affected_share: number | null, affected_count: number | null, regions: Array<string>, };

export type FactsDraft = { title: string, service: string, severity: Severity, zone: string, started: string, detected: string, mitigated: string, resolved: string, affected_share: number | null, affected_count: number | null, regions: Array<string>, };

export type PublishClock = "not_resolved" | "on_time" | "due_soon" | "overdue" | "published";

export type DerivedFacts = { 
/**
 * Started but not yet resolved: the duration runs to now.
 */
ongoing: boolean, duration_minutes: number | null, time_to_detect_minutes: number | null, time_to_mitigate_minutes: number | null, hours_since_resolution: number | null, 
/**
 * From resolution to the first final export, once the letter is published.
 */
hours_to_publish: number | null, publish_clock: PublishClock, 
/**
 * More than half the customers for more than a few minutes; `None` while unknown.
 */
meets_letter_rule: boolean | null, 
/**
 * The facts step is done: a title, and when it started and was resolved.
 */
complete: boolean, };

export type SectionTexts = { technical: string, customer: string, };

export type Letter = { summary: SectionTexts, details: SectionTexts, wrong: SectionTexts, better: SectionTexts, right: SectionTexts, thanks: SectionTexts, };

export type IncidentSummary = { id: number, title: string, service: string, severity: Severity, state: LetterState, created_at: string, updated_at: string, derived: DerivedFacts, 
/**
 * Someone else changed its customer text since the acting person last looked at it
 * in review.
 */
unseen_changes: boolean, };

export type Incident = { id: number, 
/**
 * Stable across machines, for review packages.
 */
uid: string, facts: IncidentFacts, 
/**
 * The facts as the form shows them, times on the wall clock of the incident's zone.
 */
draft: FactsDraft, derived: DerivedFacts, letter: Letter, 
/**
 * The stored revision of every text that was ever saved.
 */
revisions: Array<TextRevision>, 
/**
 * One per section, in letter order.
 */
progress: Array<SectionProgress>, log: Array<LogEntry>, actions: Array<ActionItem>, 
/**
 * Everyone who reviewed or commented on the letter.
 */
reviewers: Array<string>, 
/**
 * Open promises earlier letters made to the customers of the same service.
 */
promises: Array<CustomerPromise>, state: LetterState, created_at: string, updated_at: string, };

export type SaveReceipt = { 
/**
 * False when the text was already exactly this: nothing was written.
 */
changed: boolean, saved_at: string, 
/**
 * Every section's standing after the save, for the step rail.
 */
progress: Array<SectionProgress>, 
/**
 * The text's revision now: the base for the next save.
 */
revision: number, };

export type TextRevision = { section: SectionKey, view: View, 
/**
 * 0 for a text never saved; one more with every saved change.
 */
revision: number, saved_by: string, saved_at: string | null, };

export type Place = { incident_id: number, step: string, };

export type BackupInfo = { path: string, taken_at: string, bytes: number, };

export type LogText = { 
/**
 * Empty when no log could be opened.
 */
path: string, text: string, };

export type SessionInfo = { database_path: string, acting_as: string, 
/**
 * The profile's role, once chosen.
 */
role: Role | null, 
/**
 * Set when the audit log was found altered at open.
 */
audit_warning: string | null, 
/**
 * No profile has been chosen yet: the window asks who is writing.
 */
needs_profile: boolean, 
/**
 * The short form of the acting person's key; empty until they first act.
 */
fingerprint: string, };

export type LetterState = "draft" | "in_review" | "approved" | "published";

export type SectionState = "empty" | "in_progress" | "has_errors" | "done" | "not_needed";

export type SectionMark = { done: boolean, not_needed: string | null, };

export type SectionProgress = { section: SectionKey, state: SectionState, mark: SectionMark, };

export type LogKind = "detection" | "action" | "communication" | "resolution";

export type LogEntry = { id: number, at: string, text: string, author: string, kind: LogKind, 
/**
 * Marked to be inserted into the summary's timeline.
 */
use_in_letter: boolean, };

export type NewLogEntry = { at: string, text: string, author: string, kind: LogKind, use_in_letter: boolean, };

export type LogEntryDraft = { at: string, text: string, author: string, kind: LogKind, use_in_letter: boolean, };

export type ImportFormat = "csv" | "jsonl" | "slack" | "pagerduty" | "statuspage" | "incident-io";

export type ImportProblem = { 
/**
 * 1-based line of the file (for CSV, the header is line 1), or of the JSON text the
 * entry starts on; 0 when the file has no lines to speak of.
 */
line: number, 
/**
 * Where, in words: "line 4", "log entry 3", "incident-db/2026-11-03.json, message 5".
 */
place: string, message: string, };

export type ImportPreview = { format: ImportFormat, entries: Array<NewLogEntry>, problems: Array<ImportProblem>, 
/**
 * A Slack export's channels, to choose from.
 */
channels: Array<string>, 
/**
 * The channel read; none when the export has several and none was chosen.
 */
channel: string | null, 
/**
 * The people who wrote the entries, so the name checks know them.
 */
people: Array<string>, 
/**
 * Messages left out on purpose: joins, leaves, bots, outside the time window.
 */
skipped: number, 
/**
 * When the file says the incident started and was resolved (Statuspage).
 */
times: SuggestedTimes | null, 
/**
 * The time window a Slack channel was read in.
 */
since: string | null, until: string | null, };

export type Delivery = { notify_subscribers: boolean, status_post: string, };

export type ImportOptions = { channel: string | null, since: string | null, until: string | null, 
/**
 * A Slack reaction's name (default `pushpin`, 📌).
 */
pin_reaction: string | null, include_chatter: boolean, };

export type Version = { 
/**
 * The save this version ends with; restoring or comparing names it.
 */
revision: number, saved_by: string, first_at: string, last_at: string, 
/**
 * How many saves the version gathers.
 */
saves: number, words: number, 
/**
 * Words added and removed since the version before.
 */
added: number, removed: number, };

export type SeenChange = { section: SectionKey, diff: Array<DiffSpan>, };

export type SinceSeen = { 
/**
 * When they last looked; none the first time.
 */
seen_at: string | null, changes: Array<SeenChange>, };

export type SuggestedTimes = { started: string | null, resolved: string | null, };

export type PromiseStatus = "open" | "done" | "dropped";

export type CustomerPromise = { id: number, incident_id: number, incident_title: string, 
/**
 * The affected service of the letter that made it: its customers are the ones owed.
 */
service: string, text: string, due: string, status: PromiseStatus, 
/**
 * Why it was dropped; empty otherwise.
 */
reason: string, 
/**
 * When the letter that made it was first published.
 */
made_at: string, settled_at: string | null, settled_by: string, 
/**
 * Open and past its date, as of when it was read.
 */
overdue: boolean, 
/**
 * Came from an action item rather than a sentence of the letter.
 */
from_action: boolean, };

export type ActionStatus = "planned" | "in_progress" | "done";

export type ActionItem = { id: number, description: string, 
/**
 * Internal only: never shown in the customer letter.
 */
owner: string, due: string | null, status: ActionStatus, };

export type ActionItemDraft = { description: string, owner: string, due: string, status: ActionStatus, };

export type Step = "facts" | "summary" | "details" | "wrong" | "better" | "right" | "thanks";

export type StepGuidance = { step: Step, title: string, why: string, questions: Array<string>, checklist: Array<string>, 
/**
 * Markdown, for a made-up incident.
 */
example: string, };

export type Guidance = { step: Array<StepGuidance>, };

export type Level = "suggestion" | "warning" | "error";

export type Category = "person-name" | "vendor-blame" | "blame-shift" | "non-apology" | "absolute-promise" | "jargon" | "sensitive-detail" | "leak" | "structure" | "readability" | "style" | "spelling" | "grammar" | "follow-up";

export type Finding = { rule: string, category: Category, level: Level, section: SectionKey | null, message: string, text: string, start: number, end: number, line: number, column: number, fix: string | null, };

export type TextFindings = { section: SectionKey | null, view: View, findings: Array<Finding>, };

export type PreferredTerm = { 
/**
 * The word to use.
 */
use: string, 
/**
 * The words to replace with it.
 */
instead_of: Array<string>, };

export type HouseStyle = { preferred: Array<PreferredTerm>, banned: Array<string>, 
/**
 * Product and company names, spelled exactly as they must appear.
 */
products: Array<string>, 
/**
 * People whose names must never reach a letter.
 */
people: Array<string>, 
/**
 * Vendors and partners not to blame.
 */
vendors: Array<string>, 
/**
 * Rules turned off or lowered, by rule id: `"Candor.Readability" = "off"`.
 */
rules: { [key in string]: RuleSetting }, 
/**
 * Words one rule lets through, by rule id: `"Candor.PersonName" = ["Tessa Fenwick"]`.
 */
allow: { [key in string]: Array<string> }, };

export type RuleSetting = "off" | "warning" | "suggestion";

export type AuditEntry = { id: number, incident_id: number | null, at: string, actor: string, action: string, detail: string, 
/**
 * SHA-256 of the content the action was about (empty when none).
 */
content_hash: string, prev_hash: string, hash: string, };

export type Dismissal = { id: number, section: string, view: string, rule: string, text: string, reason: string, dismissed_by: string, dismissed_at: string, };

export type LetterCheck = { texts: Array<TextFindings>, progress: Array<SectionProgress>, dismissals: Array<Dismissal>, 
/**
 * The letter's review state, derived in the same check.
 */
state: LetterState, };

export type Role = "communications" | "security" | "legal" | "engineering";

export type Verdict = "approve" | "request_changes";

export type Approval = { 
/**
 * Stable across machines, so a package imported twice adds it once.
 */
uid: string, section: SectionKey | null, reviewer: string, role: Role, verdict: Verdict, comment: string, 
/**
 * SHA-256 of the canonical text reviewed.
 */
content_hash: string, 
/**
 * The canonical text reviewed, to show what changed since.
 */
content: string, at: string, 
/**
 * The reviewer's Ed25519 public key, hex; identity is this key, not the name.
 */
public_key: string, 
/**
 * Their signature of `signature::verdict_message`, hex.
 */
signature: string, };

export type Comment = { uid: string, section: SectionKey | null, author: string, body: string, at: string, resolved: boolean, 
/**
 * The comment this one replies to.
 */
parent: string | null, public_key: string, 
/**
 * The author's signature of `signature::comment_message`, hex.
 */
signature: string, };

export type DiffKind = "equal" | "insert" | "delete";

export type DiffSpan = { kind: DiffKind, text: string, };

export type ApprovalState = { approval: Approval, 
/**
 * The text changed since: the approval no longer covers what would go out.
 */
stale: boolean, 
/**
 * What changed since, word by word; empty when current.
 */
diff: Array<DiffSpan>, 
/**
 * The short form of the reviewer's key, shown beside their name; empty if unsigned.
 */
fingerprint: string, };

export type ReviewStatus = { state: LetterState, 
/**
 * Whether the drafter asked for review; approvals are accepted only once they have.
 */
review_requested: boolean, required_roles: Array<Role>, 
/**
 * Each reviewer's latest verdict per section and on the whole letter.
 */
verdicts: Array<ApprovalState>, comments: Array<Comment>, 
/**
 * The short form of each comment's signing key, in the order of `comments`; empty
 * for a comment made before comments were signed.
 */
comment_fingerprints: Array<string>, 
/**
 * Required roles without a current approval of the whole letter.
 */
missing_roles: Array<Role>, 
/**
 * Required roles whose approval of the whole letter is stale.
 */
stale_roles: Array<Role>, open_errors: number, 
/**
 * Why the letter is not approved, in words, for the export dialog and the CLI.
 */
blockers: Array<string>, letter_hash: string, };

export type ImportOutcome = { incident_id: number, created: boolean, letter_updated: boolean, approvals_added: number, comments_added: number, 
/**
 * Reviewers whose keys were pinned by this import.
 */
keys_pinned: Array<PackageKey>, };

export type PackageKey = { name: string, fingerprint: string, 
/**
 * Already pinned here (or made here) under this name.
 */
known: boolean, };

export type ExportFormat = "html" | "markdown" | "text" | "technical-html" | "technical-markdown" | "email-html" | "statuspage" | "pagerduty-status" | "pdf";

export type Exported = { content: string, 
/**
 * The plain-text twin, for the clipboard.
 */
text: string | null, 
/**
 * Final (approved, and recorded as published) or a draft.
 */
is_final: boolean, draft_reasons: Array<string>, file_name: string, 
/**
 * A final HTML letter's detached signature, the text of `LETTER.sig.json`.
 */
signature: string | null, };

export type ExportPlan = { status: ReviewStatus, 
/**
 * `2026-10-26-core-network-outage`: the file name without its extension.
 */
file_stem: string, company: string, has_logo: boolean, };

export type ExportSettings = { company: string, 
/**
 * A data URI of the logo image, or empty.
 */
logo: string, };

/** The six sections in letter order, with the titles customers see. */
export const SECTIONS: ReadonlyArray<{ key: SectionKey; title: string; optional: boolean }> = [
  { key: "summary", title: "Summary of events", optional: false },
  { key: "details", title: "What happened in detail", optional: false },
  { key: "wrong", title: "Where we went wrong", optional: false },
  { key: "better", title: "How we’re doing better", optional: false },
  { key: "right", title: "Making it right", optional: true },
  { key: "thanks", title: "Thank you", optional: false },
];

/** Hours after resolution by which the letter should be out. */
export const PUBLISH_TARGET_HOURS = 24;
