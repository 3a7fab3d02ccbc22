// A word diff of a whole letter is mostly unchanged text; show the changes with a little
// context and fold the rest.
import type { DiffSpan } from './bindings';

export type ShownSpan = { kind: DiffSpan['kind'] | 'gap'; text: string };

const CONTEXT = 60;

export function collapseDiff(diff: DiffSpan[]): ShownSpan[] {
  const out: ShownSpan[] = [];
  diff.forEach((d, i) => {
    if (d.kind !== 'equal' || d.text.length <= CONTEXT * 2 + 20) {
      out.push(d);
      return;
    }
    const first = i === 0;
    const last = i === diff.length - 1;
    const head = first ? '' : d.text.slice(0, CONTEXT);
    const tail = last ? '' : d.text.slice(-CONTEXT);
    if (head) out.push({ kind: 'equal', text: head });
    out.push({ kind: 'gap', text: ' … ' });
    if (tail) out.push({ kind: 'equal', text: tail });
  });
  return out;
}
