// Typed calls into the desktop shell: the wrappers generated from the Rust commands
// (commands.ts), with the defaults the window relies on.
import type { ErrorBody, ImportOptions, ImportPreview } from './bindings';
import { callWithBytes } from './call';
import { commands } from './commands';

export { toErrorBody } from './call';

export const api = {
  ...commands,
  listIncidents: (query = '') => commands.listIncidents(query),
  /** A zipped Slack export: one line of JSON with the incident and options, then the zip. */
  previewSlackExport: (id: number, zip: Uint8Array, options: ImportOptions) => {
    const head = new TextEncoder().encode(JSON.stringify({ id, options }) + '\n');
    const body = new Uint8Array(head.length + zip.length);
    body.set(head);
    body.set(zip, head.length);
    return callWithBytes<ImportPreview>('preview_slack_export', body);
  },
};

/** Errors that mean the database itself cannot be used: the app shows them full-page. */
export function isDatabaseError(e: ErrorBody): boolean {
  return e.code.startsWith('database_') && e.code !== 'database_busy';
}
