import { describe, expect, it } from 'vitest';
import { missingLines, separated } from './insert';

describe('missingLines', () => {
  it('keeps every line of a first insertion', () => {
    expect(missingLines('We were down.', '- one\n- two\n')).toBe('- one\n- two');
  });

  it('drops lines already in the text, however they are indented', () => {
    expect(missingLines('Intro\n\n  - one\n', '- one\n- two\n')).toBe('- two');
  });

  it('is empty when everything is already there', () => {
    expect(missingLines('- one\n- two', '- one\n- two\n')).toBe('');
  });
});

describe('separated', () => {
  it('starts a new paragraph after existing text', () => {
    expect(separated('Intro', '- one')).toBe('\n\n- one');
    expect(separated('Intro\n', '- one')).toBe('\n- one');
    expect(separated('Intro\n\n', '- one')).toBe('- one');
  });

  it('adds nothing before the first text', () => {
    expect(separated('', '- one')).toBe('- one');
  });
});
