import { describe, expect, it } from 'vitest';
import { collapseDiff } from './diff';

describe('collapseDiff', () => {
  it('keeps short diffs whole', () => {
    const d = [
      { kind: 'equal' as const, text: 'Down for ' },
      { kind: 'delete' as const, text: '95' },
      { kind: 'insert' as const, text: '97' },
      { kind: 'equal' as const, text: ' minutes.' },
    ];
    expect(collapseDiff(d)).toEqual(d);
  });

  it('folds long unchanged text around the changes', () => {
    const long = 'x'.repeat(500);
    const shown = collapseDiff([
      { kind: 'equal', text: long },
      { kind: 'insert', text: 'new' },
      { kind: 'equal', text: long },
    ]);
    expect(shown.map((s) => s.kind)).toEqual(['gap', 'equal', 'insert', 'equal', 'gap']);
    expect(shown[1].text).toHaveLength(60);
    expect(shown.map((s) => s.text).join('').length).toBeLessThan(200);
  });
});
