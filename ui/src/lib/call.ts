// The one way into the desktop shell: every failure arrives as an ErrorBody.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorBody, ErrorCode } from './bindings';

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

/** A command that takes raw bytes (a file the user chose) rather than JSON arguments. */
export async function callWithBytes<T>(command: string, bytes: Uint8Array): Promise<T> {
  try {
    return await invoke<T>(command, bytes);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

