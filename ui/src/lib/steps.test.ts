import { describe, expect, it } from 'vitest';
import { STEPS, isStep, stepAfter, stepForKey } from './steps';

const key = (k: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('steps', () => {
  it('run from the facts through the six sections to the log and actions', () => {
    expect(STEPS.map((s) => s.step)).toEqual([
      'facts', 'summary', 'details', 'wrong', 'better', 'right', 'thanks', 'log', 'actions',
    ]);
    expect(isStep('wrong')).toBe(true);
    expect(isStep('epilogue')).toBe(false);
  });

  it('move by keyboard and stop at the ends', () => {
    expect(stepForKey(key('ArrowDown', { altKey: true }), 'facts')).toBe('summary');
    expect(stepForKey(key('ArrowUp', { altKey: true }), 'facts')).toBe('facts');
    expect(stepForKey(key('PageDown', { ctrlKey: true }), 'thanks')).toBe('log');
    expect(stepForKey(key('4', { altKey: true }), 'facts')).toBe('wrong');
    expect(stepForKey(key('ArrowDown'), 'facts')).toBeNull();
    expect(stepForKey(key('ArrowDown', { altKey: true, shiftKey: true }), 'facts')).toBeNull();
    expect(stepAfter('actions', 1)).toBe('actions');
  });
});
