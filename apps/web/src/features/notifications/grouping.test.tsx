import { describe, expect, it } from 'vitest';
import { groupByPeriod, periodOf } from './grouping';

// Noon on Wednesday 15 May 2030, local time.
const now = new Date(2030, 4, 15, 12, 0, 0);
const at = (days: number, hours = 0) => new Date(2030, 4, 15 - days, 12 - hours).toISOString();

describe('periodOf', () => {
  it('puts the local calendar day in Today, then the week, the month and earlier', () => {
    expect(periodOf(at(0), now)).toBe('Today');
    expect(periodOf(new Date(2030, 4, 15, 0, 1).toISOString(), now)).toBe('Today');
    expect(periodOf(new Date(2030, 4, 14, 23, 59).toISOString(), now)).toBe('This week');
    expect(periodOf(at(6), now)).toBe('This week');
    expect(periodOf(at(7), now)).toBe('This month');
    expect(periodOf(at(29), now)).toBe('This month');
    expect(periodOf(at(30), now)).toBe('Earlier');
    expect(periodOf(at(400), now)).toBe('Earlier');
  });
});

describe('groupByPeriod', () => {
  it('keeps the list order inside each section and leaves out empty sections', () => {
    const entries = [
      { id: 'a', createdAt: at(0, 1) },
      { id: 'b', createdAt: at(0, 5) },
      { id: 'c', createdAt: at(3) },
      { id: 'd', createdAt: at(90) },
      { id: 'e', createdAt: at(120) },
    ];
    const sections = groupByPeriod(entries, now);
    expect(sections.map((s) => [s.period, s.entries.map((e) => e.id)])).toEqual([
      ['Today', ['a', 'b']],
      ['This week', ['c']],
      ['Earlier', ['d', 'e']],
    ]);
  });

  it('has no sections for an empty list', () => {
    expect(groupByPeriod([], now)).toEqual([]);
  });
});
