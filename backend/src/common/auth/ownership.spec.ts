import { describe, expect, it } from 'vitest';
import { assertOwnerOrRole } from './ownership';

const seeker = { userId: 'u1', roles: ['seeker' as const], sessionId: 's' };
const organizer = { userId: 'u2', roles: ['organizer' as const], sessionId: 's' };

describe('assertOwnerOrRole', () => {
  it('lets the owner through', () => {
    expect(() => assertOwnerOrRole(seeker, 'u1')).not.toThrow();
  });

  it('stops anyone else with FORBIDDEN_NOT_OWNER', () => {
    expect(() => assertOwnerOrRole(organizer, 'u1')).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN_NOT_OWNER' }),
    );
  });

  it('lets a named overriding role through', () => {
    expect(() => assertOwnerOrRole(organizer, 'u1', ['organizer', 'admin'])).not.toThrow();
  });
});
