// The six sections in letter order, with the titles customers see.
import type { SectionKey } from './bindings';

export interface SectionInfo {
  key: SectionKey;
  title: string;
  optional: boolean;
}

export const SECTIONS: readonly SectionInfo[] = [
  { key: 'summary', title: 'Summary of events', optional: false },
  { key: 'details', title: 'What happened in detail', optional: false },
  { key: 'wrong', title: 'Where we went wrong', optional: false },
  { key: 'better', title: 'How we’re doing better', optional: false },
  { key: 'right', title: 'Making it right', optional: true },
  { key: 'thanks', title: 'Thank you', optional: false },
];
