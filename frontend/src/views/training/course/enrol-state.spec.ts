import { describe, expect, it } from 'vitest';
import { enrolAction } from './enrol-state';

const open = { id: 'c1', capacity: 30, enrolled: 3 };
const visitor = { signedIn: true, trainee: true, enrolledIn: new Set<string>() };

describe('the 报名 button of an open class', () => {
  it('asks a guest to sign in; browsing needs no account (E1)', () => {
    expect(enrolAction(open, { ...visitor, signedIn: false, trainee: false })).toBe('signIn');
  });

  it('enrols a trainee, and tells other roles to use a trainee account', () => {
    expect(enrolAction(open, visitor)).toBe('enrol');
    expect(enrolAction(open, { ...visitor, trainee: false })).toBe('traineeOnly');
  });

  it('shows 已报名 to a trainee already in the class, and a full class as full', () => {
    expect(enrolAction(open, { ...visitor, enrolledIn: new Set(['c1']) })).toBe('enrolled');
    expect(enrolAction({ ...open, enrolled: 30 }, visitor)).toBe('full');
    expect(enrolAction({ ...open, capacity: null, enrolled: 999 }, visitor)).toBe('enrol');
  });
});
