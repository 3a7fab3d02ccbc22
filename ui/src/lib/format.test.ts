import { describe, expect, it } from 'vitest';
import { formatInZone, formatMinutes, letterRule, publishClock, sinceEdit } from './format';
import type { DerivedFacts } from './bindings';

const base: DerivedFacts = {
  ongoing: false,
  duration_minutes: 95,
  time_to_detect_minutes: 12,
  time_to_mitigate_minutes: 40,
  hours_to_publish: null,
  hours_since_resolution: 3,
  publish_clock: 'on_time',
  meets_letter_rule: true,
  complete: true,
};

describe('formatMinutes', () => {
  it('reads like a person would say it', () => {
    expect(formatMinutes(95)).toBe('1 h 35 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(2000)).toBe('1 d 9 h 20 min');
    expect(formatMinutes(0)).toBe('under a minute');
    expect(formatMinutes(null)).toBe('—');
  });
});

describe('publishClock', () => {
  it('counts down to the 24-hour target', () => {
    expect(publishClock(base)).toEqual({ text: 'Letter due in 21 h', tone: 'ok' });
    expect(publishClock({ ...base, hours_since_resolution: 20, publish_clock: 'due_soon' })).toEqual({
      text: 'Letter due in 4 h',
      tone: 'warn',
    });
    expect(publishClock({ ...base, hours_since_resolution: 26.5, publish_clock: 'overdue' })).toEqual({
      text: 'Letter overdue by 2 h 30 min',
      tone: 'late',
    });
  });

  it('stops at publication, however long ago that was', () => {
    const published = { ...base, hours_since_resolution: 22_000, hours_to_publish: 6, publish_clock: 'published' as const };
    expect(publishClock(published)).toEqual({ text: 'Published 6 h after resolution', tone: 'ok' });
    expect(publishClock({ ...published, hours_to_publish: 30 }).tone).toBe('neutral');
  });

  it('says when the incident is still going', () => {
    const ongoing = { ...base, ongoing: true, hours_since_resolution: null, publish_clock: 'not_resolved' as const };
    expect(publishClock(ongoing).text).toBe('Still ongoing');
  });
});

describe('letterRule', () => {
  it('explains the rule of thumb', () => {
    expect(letterRule(base)).toMatch(/write the letter/);
    expect(letterRule({ ...base, meets_letter_rule: false })).toMatch(/optional/);
    expect(letterRule({ ...base, meets_letter_rule: null })).toMatch(/Enter the share/);
  });
});

describe('formatInZone', () => {
  it('shows UTC times on the wall clock of the zone', () => {
    expect(formatInZone('2026-10-26T18:05:00Z', 'America/New_York', 'input')).toBe('2026-10-26 14:05');
    expect(formatInZone('2026-10-26T18:05:00Z', 'America/New_York', 'short')).toBe('Oct 26, 2:05 PM EDT');
    expect(formatInZone('2026-10-26T00:30:00Z', 'Europe/Berlin', 'input')).toBe('2026-10-26 01:30');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(formatInZone('2026-10-26T18:05:00Z', 'Mars/Olympus', 'input')).toBe('2026-10-26 18:05');
  });
});

describe('sinceEdit', () => {
  it('says how long ago, briefly', () => {
    const now = new Date('2026-10-26T18:00:00Z');
    expect(sinceEdit('2026-10-26T17:59:30Z', now)).toBe('just now');
    expect(sinceEdit('2026-10-26T17:45:00Z', now)).toBe('15 min ago');
    expect(sinceEdit('2026-10-26T13:00:00Z', now)).toBe('5 h ago');
    expect(sinceEdit('2026-10-20T13:00:00Z', now)).toBe('Oct 20');
  });
});
