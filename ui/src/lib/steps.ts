// The wizard's steps in order: the facts, the six sections, then the log and the actions.
import type { SectionKey } from './bindings';
import { SECTIONS } from './sections';

export type WizardStep = 'facts' | SectionKey | 'log' | 'actions';

export interface StepInfo {
  step: WizardStep;
  title: string;
  section?: SectionKey;
}

export const STEPS: readonly StepInfo[] = [
  { step: 'facts', title: 'Incident facts' },
  ...SECTIONS.map((s) => ({ step: s.key as WizardStep, title: s.title, section: s.key })),
  { step: 'log', title: 'Incident log' },
  { step: 'actions', title: 'Action items' },
];

export function isStep(value: string): value is WizardStep {
  return STEPS.some((s) => s.step === value);
}

/** The step `delta` places from `current`, staying within the wizard. */
export function stepAfter(current: WizardStep, delta: number): WizardStep {
  const i = STEPS.findIndex((s) => s.step === current);
  const next = Math.min(STEPS.length - 1, Math.max(0, i + delta));
  return STEPS[next].step;
}

/** The step a keyboard shortcut asks for, if any: Alt+↓/↑ and Ctrl+PageDown/PageUp move
 *  one step, Alt+1…9 jump to a step. */
export function stepForKey(
  e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  current: WizardStep,
): WizardStep | null {
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    if (e.key === 'ArrowDown') return stepAfter(current, 1);
    if (e.key === 'ArrowUp') return stepAfter(current, -1);
    if (/^[1-9]$/.test(e.key)) return STEPS[Number(e.key) - 1]?.step ?? null;
  }
  if (e.ctrlKey && !e.altKey && !e.metaKey) {
    if (e.key === 'PageDown') return stepAfter(current, 1);
    if (e.key === 'PageUp') return stepAfter(current, -1);
  }
  return null;
}
