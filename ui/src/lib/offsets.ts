import type { Finding } from './bindings';

/** A finding with its place in the editor's own units. */
export interface PlacedFinding {
  finding: Finding;
  from: number;
  to: number;
}

// Findings count UTF-8 bytes (as the Rust core and the CLI do); the editor counts UTF-16
// code units. This maps one onto the other.

/** For each byte offset asked, the UTF-16 offset of the same place in `text`. */
export function byteOffsetsToUtf16(text: string, offsets: number[]): number[] {
  const wanted = [...new Set(offsets)].sort((a, b) => a - b);
  const found = new Map<number, number>();
  let bytes = 0;
  let units = 0;
  let w = 0;
  for (const ch of text) {
    while (w < wanted.length && wanted[w] <= bytes) found.set(wanted[w++], units);
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    units += ch.length;
  }
  while (w < wanted.length) found.set(wanted[w++], units);
  return offsets.map((o) => found.get(o) ?? units);
}
