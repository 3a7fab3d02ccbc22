import { describe, expect, it } from 'vitest';
import type { CustomerPromise } from './bindings';
import { daysUntil, standing } from './promises';

const today = new Date(Date.UTC(2026, 11, 7, 15, 0));
const promise = (over: Partial<CustomerPromise>): CustomerPromise => ({
  id: 1, incident_id: 1, incident_title: 'Reminders stopped', service: 'Reminders', text: 'x',
  due: '2026-12-07', status: 'open', reason: '', made_at: '2026-06-01T00:00:00Z',
  settled_at: null, settled_by: '', overdue: false, from_action: false, ...over,
});

describe('a promise’s standing', () => {
  it('counts days to and past the date', () => {
    expect(daysUntil('2026-12-08', today)).toBe(1);
    expect(daysUntil('2026-12-04', today)).toBe(-3);
  });
  it('reads as people say it', () => {
    expect(standing(promise({}), today)).toBe('Due today');
    expect(standing(promise({ due: '2026-12-04', overdue: true }), today)).toBe('Overdue by 3 days');
    expect(standing(promise({ due: '2027-01-04' }), today)).toBe('Due in 4 weeks');
    expect(standing(promise({ due: '2027-06-30' }), today)).toBe('Due in 7 months');
    expect(standing(promise({ status: 'done' }), today)).toBe('Kept');
    expect(standing(promise({ status: 'dropped', reason: 'Region closed' }), today)).toBe('Dropped: Region closed');
  });
});
