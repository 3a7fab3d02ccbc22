// Typed calls into the desktop shell. Every failure arrives as an ErrorBody.
import { invoke } from '@tauri-apps/api/core';
import type {
  ActionItem,
  ActionItemDraft,
  ErrorBody,
  ErrorCode,
  FactsDraft,
  Guidance,
  ImportFormat,
  ImportPreview,
  Incident,
  IncidentSummary,
  LogEntry,
  LogEntryDraft,
  NewLogEntry,
  Place,
  SaveReceipt,
  SectionKey,
  SectionMark,
  SessionInfo,
  View,
  Finding,
  LetterCheck,
  Dismissal,
  HouseStyle,
  AuditEntry,
  ReviewStatus,
  Role,
  Verdict,
  ImportOutcome,
  ExportFormat,
  ExportPlan,
  Exported,
  BackupInfo,
  DiffSpan,
} from './bindings';

export interface ExportSettings {
  company: string;
  logo: string;
}

const CODES: readonly ErrorCode[] = [
  'invalid_input',
  'not_found',
  'database_corrupt',
  'database_too_new',
  'database_unavailable',
  'database_busy',
  'database_in_use',
  'conflict',
  'internal',
];

/** Anything thrown by `invoke`, as the `{code, message}` the shell promises. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const { code, message } = e as { code: unknown; message: unknown };
    if (CODES.includes(code as ErrorCode) && typeof message === 'string') {
      return { code: code as ErrorCode, message };
    }
  }
  return { code: 'internal', message: typeof e === 'string' ? e : 'Candor hit an unexpected problem.' };
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export const api = {
  sessionInfo: () => call<SessionInfo>('session_info'),
  guidance: () => call<Guidance>('guidance'),
  listIncidents: (query = '') => call<IncidentSummary[]>('list_incidents', { query }),
  createIncident: (title: string, zone: string) => call<Incident>('create_incident', { title, zone }),
  getIncident: (id: number) => call<Incident>('get_incident', { id }),
  /** Saves the fields where `draft` differs from `base`, the form as it was shown. */
  updateFacts: (id: number, base: FactsDraft, draft: FactsDraft) =>
    call<Incident>('update_facts', { id, base, draft }),
  /** Refused with `conflict` unless the stored text is still at `baseRevision`. */
  saveSection: (id: number, section: SectionKey, view: View, body: string, baseRevision: number | null) =>
    call<SaveReceipt>('save_section', { id, section, view, body, baseRevision }),
  setSectionMark: (id: number, section: SectionKey, mark: SectionMark) =>
    call<Incident>('set_section_mark', { id, section, mark }),
  wordDiff: (old: string, next: string) => call<DiffSpan[]>('word_diff', { old, new: next }),
  renderMarkdown: (text: string) => call<string>('render_markdown', { text }),
  renderLetter: (id: number) => call<string>('render_letter', { id }),
  addLogEntry: (id: number, draft: LogEntryDraft) => call<LogEntry[]>('add_log_entry', { id, draft }),
  updateLogEntry: (id: number, entryId: number, draft: LogEntryDraft) =>
    call<LogEntry[]>('update_log_entry', { id, entryId, draft }),
  deleteLogEntry: (id: number, entryId: number) => call<LogEntry[]>('delete_log_entry', { id, entryId }),
  previewLogImport: (id: number, text: string, format: ImportFormat) =>
    call<ImportPreview>('preview_log_import', { id, text, format }),
  importLog: (id: number, entries: NewLogEntry[]) => call<LogEntry[]>('import_log', { id, entries }),
  logTimeline: (id: number) => call<string>('log_timeline', { id }),
  addAction: (id: number, draft: ActionItemDraft) => call<ActionItem[]>('add_action', { id, draft }),
  updateAction: (id: number, actionId: number, draft: ActionItemDraft) =>
    call<ActionItem[]>('update_action', { id, actionId, draft }),
  deleteAction: (id: number, actionId: number) => call<ActionItem[]>('delete_action', { id, actionId }),
  actionsMarkdown: (id: number) => call<string>('actions_markdown', { id }),
  rememberPlace: (place: Place | null) => call<null>('remember_place', { place }),
  lastPlace: () => call<Place | null>('last_place'),
  frontendReady: () => call<null>('frontend_ready'),
  checkLetter: (id: number) => call<LetterCheck>('check_letter', { id }),
  checkText: (id: number, section: SectionKey, view: View, text: string) =>
    call<Finding[]>('check_text', { id, section, view, text }),
  dismissFinding: (id: number, section: SectionKey, view: View, rule: string, text: string, reason: string) =>
    call<LetterCheck>('dismiss_finding', { id, section, view, rule, text, reason }),
  restoreFinding: (id: number, dismissalId: number) => call<LetterCheck>('restore_finding', { id, dismissalId }),
  listDismissals: (id: number) => call<Dismissal[]>('list_dismissals', { id }),
  auditLog: (id: number) => call<AuditEntry[]>('audit_log', { id }),
  houseStyle: () => call<HouseStyle>('house_style'),
  saveHouseStyle: (style: HouseStyle) => call<HouseStyle>('save_house_style', { style }),
  importHouseStyle: (text: string) => call<HouseStyle>('import_house_style', { text }),
  exportHouseStyle: (path: string) => call<null>('export_house_style', { path }),
  setProfile: (name: string, role: Role) => call<SessionInfo>('set_profile', { name, role }),
  reviewStatus: (id: number) => call<ReviewStatus>('review_status', { id }),
  requestReview: (id: number) => call<ReviewStatus>('request_review', { id }),
  recordVerdict: (id: number, section: SectionKey | null, role: Role, verdict: Verdict, comment: string) =>
    call<ReviewStatus>('record_verdict', { id, section, role, verdict, comment }),
  addComment: (id: number, section: SectionKey | null, body: string, parent: string | null) =>
    call<ReviewStatus>('add_comment', { id, section, body, parent }),
  resolveComment: (id: number, uid: string) => call<ReviewStatus>('resolve_comment', { id, uid }),
  setRequiredRoles: (id: number, roles: Role[]) => call<ReviewStatus>('set_required_roles', { id, roles }),
  exportPackage: (id: number, path: string) => call<null>('export_package', { id, path }),
  importPackage: (text: string) => call<ImportOutcome>('import_package', { text }),
  exportPlan: (id: number) => call<ExportPlan>('export_plan', { id }),
  exportSettings: () => call<ExportSettings>('export_settings'),
  saveExportSettings: (settings: ExportSettings) => call<ExportSettings>('save_export_settings', { settings }),
  exportLetter: (id: number, format: ExportFormat, path: string) => call<Exported>('export_letter', { id, format, path }),
  copyForEmail: (id: number) => call<Exported>('copy_for_email', { id }),
  listBackups: () => call<BackupInfo[]>('list_backups'),
  backUpNow: () => call<BackupInfo[]>('back_up_now'),
  restoreBackup: (path: string) => call<BackupInfo[]>('restore_backup', { path }),
};

/** Errors that mean the database itself cannot be used: the app shows them full-page. */
export function isDatabaseError(e: ErrorBody): boolean {
  return e.code.startsWith('database_') && e.code !== 'database_busy';
}
