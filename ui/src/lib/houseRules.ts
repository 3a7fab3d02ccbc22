// The House style screen's two escape hatches as text, one rule a line:
//   Candor.Readability = off        (or warning, suggestion)
//   Candor.PersonName: Tessa Fenwick, Quill Lake
import type { RuleSetting } from './bindings';

const SETTINGS: readonly RuleSetting[] = ['off', 'warning', 'suggestion'];

export function settingsText(rules: Partial<Record<string, RuleSetting>>): string {
  return Object.entries(rules).map(([id, s]) => `${id} = ${s}`).join('\n');
}

export function allowText(allow: Partial<Record<string, string[]>>): string {
  return Object.entries(allow).map(([id, terms]) => `${id}: ${(terms ?? []).join(', ')}`).join('\n');
}

/** The settings in `text`, or the first line that cannot be read. */
export function parseSettings(text: string): { rules: Record<string, RuleSetting> } | { error: string } {
  const rules: Record<string, RuleSetting> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const [id, setting] = line.split(/\s*[=:]\s*/);
    if (!id || !SETTINGS.includes(setting as RuleSetting)) {
      return { error: `Line ${i + 1} of the rule settings: write a rule id, "=", then off, warning or suggestion.` };
    }
    rules[id] = setting as RuleSetting;
  }
  return { rules };
}

/** The allowed terms in `text`, or the first line that cannot be read. */
export function parseAllow(text: string): { allow: Record<string, string[]> } | { error: string } {
  const allow: Record<string, string[]> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf(':');
    const id = line.slice(0, at).trim();
    const terms = line.slice(at + 1).split(',').map((t) => t.trim()).filter(Boolean);
    if (at < 1 || !id || terms.length === 0) {
      return { error: `Line ${i + 1} of the allowed words: write a rule id, ":", then the words it should let through.` };
    }
    allow[id] = [...(allow[id] ?? []), ...terms];
  }
  return { allow };
}
