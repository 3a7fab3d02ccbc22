// Typed calls into the desktop shell. Every failure arrives as an ErrorBody.
import { invoke } from '@tauri-apps/api/core';
import type {
  ErrorBody,
  ErrorCode,
  FactsDraft,
  Incident,
  IncidentSummary,
  SaveReceipt,
  SectionKey,
  SessionInfo,
  View,
} from './bindings';

const CODES: readonly ErrorCode[] = [
  'invalid_input',
  'not_found',
  'database_corrupt',
  'database_too_new',
  'database_unavailable',
  'database_busy',
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
  listIncidents: () => call<IncidentSummary[]>('list_incidents'),
  createIncident: (title: string, zone: string) => call<Incident>('create_incident', { title, zone }),
  getIncident: (id: number) => call<Incident>('get_incident', { id }),
  updateFacts: (id: number, draft: FactsDraft) => call<Incident>('update_facts', { id, draft }),
  saveSection: (id: number, section: SectionKey, view: View, body: string) =>
    call<SaveReceipt>('save_section', { id, section, view, body }),
};

/** Errors that mean the database itself cannot be used: the app shows them full-page. */
export function isDatabaseError(e: ErrorBody): boolean {
  return e.code.startsWith('database_') && e.code !== 'database_busy';
}
