import { describe, expect, it } from 'vitest';
import { employerMoves, mayOfferAgreement, needsReason, progressOf } from './pipeline-moves';

describe('employerMoves', () => {
  it('offers shortlisting or turning down a fresh application, not marking it viewed by hand', () => {
    expect(employerMoves('submitted')).toEqual(['shortlisted', 'rejected']);
    expect(employerMoves('viewed')).toEqual(['shortlisted', 'rejected']);
  });

  it('only ever moves forward one step, or turns down', () => {
    expect(employerMoves('shortlisted')).toEqual(['interview', 'rejected']);
    expect(employerMoves('interview')).toEqual(['offer', 'rejected']);
    expect(employerMoves('offer')).toEqual(['hired', 'rejected']);
  });

  it('leaves the hire to the graduate’s signature once an agreement is out', () => {
    expect(employerMoves('offer', true)).toEqual(['rejected']);
  });

  it('offers nothing once the application is final', () => {
    expect(employerMoves('hired')).toEqual([]);
    expect(employerMoves('rejected')).toEqual([]);
    expect(employerMoves('withdrawn')).toEqual([]);
  });

  it('asks for a reason only when turning down', () => {
    expect(needsReason('rejected')).toBe(true);
    expect(needsReason('shortlisted')).toBe(false);
  });

  it('lets the employer send one agreement, at the offer step', () => {
    expect(mayOfferAgreement('offer', false)).toBe(true);
    expect(mayOfferAgreement('offer', true)).toBe(false);
    expect(mayOfferAgreement('interview', false)).toBe(false);
  });
});

describe('progressOf', () => {
  const states = (p: ReturnType<typeof progressOf>) => p.steps.map((s) => s.state).join(',');

  it('marks the steps behind the current one done', () => {
    const p = progressOf('shortlisted', []);
    expect(states(p)).toBe('done,done,current,todo,todo,todo');
    expect(p.ended).toBeNull();
  });

  it('counts a hire as the last step done', () => {
    expect(states(progressOf('hired', []))).toBe('done,done,done,done,done,done');
  });

  it('keeps the steps reached before a rejection and says it ended', () => {
    const p = progressOf('rejected', [
      { from: null, to: 'submitted' },
      { from: 'submitted', to: 'viewed' },
      { from: 'viewed', to: 'rejected' },
    ]);
    expect(states(p)).toBe('done,done,todo,todo,todo,todo');
    expect(p.ended).toBe('rejected');
  });

  it('treats a withdrawal straight after applying as ending at the first step', () => {
    const p = progressOf('withdrawn', [
      { from: null, to: 'submitted' },
      { from: 'submitted', to: 'withdrawn' },
    ]);
    expect(states(p)).toBe('done,todo,todo,todo,todo,todo');
    expect(p.ended).toBe('withdrawn');
  });
});
