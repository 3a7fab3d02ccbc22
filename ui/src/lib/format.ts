// How numbers about an incident read in the window.
import type { DerivedFacts } from './bindings';
import { PUBLISH_TARGET_HOURS as TARGET } from './bindings';

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
      return { text: `Letter overdue by ${formatHours((h ?? TARGET) - TARGET)}`, tone: 'late' };
    case 'due_soon':
      return { text: `Letter due in ${formatHours(TARGET - (h ?? 0))}`, tone: 'warn' };
    case 'on_time':
      return { text: `Letter due in ${formatHours(TARGET - (h ?? 0))}`, tone: 'ok' };
    case 'published':
      return {
        text: d.hours_to_publish === null ? 'Published' : `Published ${formatHours(d.hours_to_publish)} after resolution`,
        tone: d.hours_to_publish !== null && d.hours_to_publish > TARGET ? 'neutral' : 'ok',
      };
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

/** A UTC time on the wall clock of `zone`: `input` as the forms take it
 *  (`2026-10-26 14:05`), `short` for tables (`Oct 26, 2:05 PM EDT`). */
export function formatInZone(iso: string, zone: string, mode: 'input' | 'short'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tz = safeZone(zone);
  if (mode === 'input') {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      })
        .formatToParts(date)
        .map((p) => [p.type, p.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  }
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
  }).format(date);
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

/** `3 min ago`, `5 h ago`, `Oct 26`: how long since an edit, for the incident list. */
export function sinceEdit(iso: string, now: Date = new Date()): string {
  const minutes = Math.floor((now.getTime() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ago`;
  return new Date(iso).toLocaleDateString('en-US', { month: 'short', day: 'numeric' });
}
