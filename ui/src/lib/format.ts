// How numbers about an incident read in the window.
import type { DerivedFacts } from './bindings';

/** `95` → `1 h 35 min`; `2000` → `1 d 9 h 20 min`. */
export function formatMinutes(total: number | null): string {
  if (total === null) return '—';
  if (total < 1) return 'under a minute';
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes) parts.push(`${minutes} min`);
  return parts.join(' ');
}

export type ClockTone = 'neutral' | 'ok' | 'warn' | 'late';

/** The publishing clock as a phrase and a colour. */
export function publishClock(d: DerivedFacts): { text: string; tone: ClockTone } {
  const h = d.hours_since_resolution;
  switch (d.publish_clock) {
    case 'not_resolved':
      return { text: d.ongoing ? 'Still ongoing' : 'Not resolved yet', tone: 'neutral' };
    case 'overdue':
      return { text: `Letter overdue by ${formatHours((h ?? 24) - 24)}`, tone: 'late' };
    case 'due_soon':
      return { text: `Letter due in ${formatHours(24 - (h ?? 0))}`, tone: 'warn' };
    case 'on_time':
      return { text: `Letter due in ${formatHours(24 - (h ?? 0))}`, tone: 'ok' };
  }
}

function formatHours(hours: number): string {
  const minutes = Math.max(0, Math.round(hours * 60));
  return formatMinutes(minutes) === 'under a minute' ? 'under a minute' : formatMinutes(minutes);
}

/** The rule of thumb for writing a letter at all. */
export function letterRule(d: DerivedFacts): string {
  if (d.meets_letter_rule === null) return 'Enter the share of customers and the times to see whether a letter is called for';
  return d.meets_letter_rule
    ? 'More than half of customers for more than a few minutes: write the letter'
    : 'Below the rule of thumb (half of customers, a few minutes): a letter is optional';
}
