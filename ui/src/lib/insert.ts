// Inserting generated Markdown (the log's timeline, the action items) into a section that
// may already hold some of it.

/** The lines of `addition` that `current` does not already hold, as Markdown to append;
 *  empty when every line is there. Lines compare with their surrounding spaces trimmed. */
export function missingLines(current: string, addition: string): string {
  const present = new Set(current.split('\n').map((l) => l.trim()).filter((l) => l.length > 0));
  return addition
    .split('\n')
    .filter((l) => l.trim().length > 0 && !present.has(l.trim()))
    .join('\n');
}

/** What to add after `current` so `addition` starts a block of its own. */
export function separated(current: string, addition: string): string {
  if (!current.trim()) return addition;
  const trailing = current.length - current.trimEnd().length;
  const newlines = (current.slice(current.length - trailing).match(/\n/g) ?? []).length;
  return '\n'.repeat(Math.max(0, 2 - newlines)) + addition;
}
