// Words for the review screen.
import type { LetterState, Role } from './bindings';

export const ROLES: readonly { value: Role; label: string }[] = [
  { value: 'communications', label: 'Communications' },
  { value: 'security', label: 'Security' },
  { value: 'legal', label: 'Legal' },
  { value: 'engineering', label: 'Engineering' },
];

export const STATE_LABELS: Record<LetterState, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  published: 'Published',
};

export const roleLabel = (role: Role) => ROLES.find((r) => r.value === role)?.label ?? role;
