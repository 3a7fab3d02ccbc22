import { describe, expect, it } from 'vitest';
import { byteOffsetsToUtf16 } from './offsets';

describe('byteOffsetsToUtf16', () => {
  it('is the identity on ASCII', () => {
    expect(byteOffsetsToUtf16('hello world', [0, 6, 11])).toEqual([0, 6, 11]);
  });

  it('counts accented letters, typographic quotes and emoji right', () => {
    const text = 'é “Dana” 🙂 ok';
    // é = 2 bytes, “ = 3 bytes, 🙂 = 4 bytes and 2 UTF-16 units.
    const dana = new TextEncoder().encode('é “').length;
    const ok = new TextEncoder().encode('é “Dana” 🙂 ').length;
    expect(byteOffsetsToUtf16(text, [dana, dana + 4, ok])).toEqual([3, 7, text.indexOf('ok')]);
  });

  it('clamps offsets past the end', () => {
    expect(byteOffsetsToUtf16('ab', [5])).toEqual([2]);
  });
});
