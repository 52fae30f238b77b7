import { describe, expect, it } from 'vitest';
import { incomingState, issueBy, outgoingState } from './report-rules.ts';

// 2026-03-06 is a Friday, 2026-03-07 a Saturday, 2026-03-09 a Monday.
describe('report rules: on time, late, open (docs/reports.md)', () => {
  it('reads an incoming document as done on or before its deadline, after it, or open and overdue once the deadline is before the report day', () => {
    const asOf = '2026-03-20';
    expect(incomingState({ done: true, dueDate: '2026-03-10', doneOn: '2026-03-10' }, asOf)).toBe('doneOnTime');
    expect(incomingState({ done: true, dueDate: '2026-03-10', doneOn: '2026-03-11' }, asOf)).toBe('doneLate');
    expect(incomingState({ done: true, dueDate: null, doneOn: '2026-03-30' }, asOf)).toBe('doneOnTime');
    // Done with no day of completion (an old book's row): nothing says it was late.
    expect(incomingState({ done: true, dueDate: '2026-03-10', doneOn: null }, asOf)).toBe('doneOnTime');
    expect(incomingState({ done: false, dueDate: '2026-03-20', doneOn: null }, asOf)).toBe('openInTime');
    expect(incomingState({ done: false, dueDate: '2026-03-19', doneOn: null }, asOf)).toBe('openOverdue');
    expect(incomingState({ done: false, dueDate: null, doneOn: null }, asOf)).toBe('openInTime');
  });

  it('gives an outgoing document until the next working day after its signing, an urgent one the same day (Art. 18.1)', () => {
    expect(issueBy('2026-03-05', false)).toBe('2026-03-06');
    expect(issueBy('2026-03-06', false)).toBe('2026-03-09');
    expect(issueBy('2026-03-07', false)).toBe('2026-03-09');
    expect(issueBy('2026-03-06', true)).toBe('2026-03-06');
  });

  it('reads an outgoing document as sent on time, late, waiting, or not tracked when it has no signing day', () => {
    expect(outgoingState({ signedOn: '2026-03-06', sentOn: '2026-03-09', urgent: false }, '2026-03-20')).toBe('onTime');
    expect(outgoingState({ signedOn: '2026-03-06', sentOn: '2026-03-10', urgent: false }, '2026-03-20')).toBe('late');
    expect(outgoingState({ signedOn: '2026-03-09', sentOn: '2026-03-10', urgent: true }, '2026-03-20')).toBe('late');
    expect(outgoingState({ signedOn: '2026-03-06', sentOn: null, urgent: false }, '2026-03-09')).toBe('waitingInTime');
    expect(outgoingState({ signedOn: '2026-03-06', sentOn: null, urgent: false }, '2026-03-10')).toBe('waitingLate');
    expect(outgoingState({ signedOn: null, sentOn: null, urgent: false }, '2026-03-10')).toBe('notTracked');
  });
});
