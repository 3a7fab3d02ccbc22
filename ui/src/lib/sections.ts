// The six sections in letter order, with the titles customers see: generated from Rust.
import type { SectionKey } from './bindings';
import { SECTIONS } from './bindings';

export { SECTIONS };

export interface SectionInfo {
  key: SectionKey;
  title: string;
  optional: boolean;
}
