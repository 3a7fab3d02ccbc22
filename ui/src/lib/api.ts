// Typed calls into the desktop shell: the wrappers generated from the Rust commands
// (commands.ts), with the defaults the window relies on.
import type { ErrorBody } from './bindings';
import { commands } from './commands';

export { toErrorBody } from './call';

export const api = {
  ...commands,
  listIncidents: (query = '') => commands.listIncidents(query),
};

/** Errors that mean the database itself cannot be used: the app shows them full-page. */
export function isDatabaseError(e: ErrorBody): boolean {
  return e.code.startsWith('database_') && e.code !== 'database_busy';
}
