// How a promise's standing reads on the Promises screen and in the wizard.
import type { CustomerPromise } from './bindings';

const DAY = 24 * 60 * 60 * 1000;

/** Whole days from `today` to the date `due` (YYYY-MM-DD); negative once it has passed. */
export function daysUntil(due: string, today: Date = new Date()): number {
  const [y, m, d] = due.split('-').map(Number);
  const dueDay = Date.UTC(y, m - 1, d);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((dueDay - now) / DAY);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "Overdue by 3 days", "Due today", "Due in 2 weeks", "Done", "Dropped: …". */
export function standing(p: CustomerPromise, today: Date = new Date()): string {
  if (p.status === 'done') return 'Kept';
  if (p.status === 'dropped') return `Dropped: ${p.reason}`;
  const days = daysUntil(p.due, today);
  if (days < 0) return `Overdue by ${span(-days)}`;
  if (days === 0) return 'Due today';
  return `Due in ${span(days)}`;
}

function span(days: number): string {
  if (days < 14) return plural(days, 'day');
  if (days < 60) return plural(Math.round(days / 7), 'week');
  return plural(Math.round(days / 30), 'month');
}

/** A date as people read it: "31 March 2027". */
export function longDate(due: string): string {
  const [y, m, d] = due.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString([], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
