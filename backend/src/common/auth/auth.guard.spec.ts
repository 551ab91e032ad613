import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../../config/config';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { AuthGuard } from './auth.guard';
import { Public, Roles } from './decorators';
import { SessionRevocations } from './session-revocations.service';

const tokens = new AccessTokenService({
  JWT_ACCESS_SECRET: 'a-test-secret-that-is-long-enough-000000',
  ACCESS_TOKEN_TTL_SECONDS: 900,
} as AppConfig);
const seeker = tokens.sign({ userId: 'u1', sessionId: 's1', roles: ['seeker'] });
const organizer = tokens.sign({ userId: 'u2', sessionId: 's2', roles: ['organizer'] });
// The revocation list is Redis-backed; these tests are about route metadata, so nothing is revoked.
const noRevocations = { isRevoked: () => false } as unknown as SessionRevocations;
const guard = new AuthGuard(new Reflector(), tokens, noRevocations);

// One handler shared by two controllers whose class-level roles differ: the guard remembers
// each route's access per controller and handler, so one never answers for the other.
class ReportsBase {
  list() {}
}
@Roles('organizer')
class StaffReports extends ReportsBase {}
@Roles('seeker')
class SeekerReports extends ReportsBase {}
class Pages {
  @Public()
  home() {}
}

function call(controller: object, handler: () => void, token?: string): string {
  const request = { headers: { authorization: token && `Bearer ${token}` } };
  const context = new ExecutionContextHost([request, {}]) as ExecutionContext;
  (context as ExecutionContextHost).getClass = () => controller as never;
  (context as ExecutionContextHost).getHandler = () => handler;
  try {
    return guard.canActivate(context) ? 'allowed' : 'refused';
  } catch (error) {
    return (error as AppError).code;
  }
}

describe('the auth guard reads each route’s decorators once', () => {
  it('keeps the answers of two controllers sharing a handler apart, call after call', () => {
    const list = ReportsBase.prototype.list;
    for (let round = 0; round < 2; round++) {
      expect(call(StaffReports, list, organizer)).toBe('allowed');
      expect(call(StaffReports, list, seeker)).toBe('FORBIDDEN_ROLE');
      expect(call(SeekerReports, list, seeker)).toBe('allowed');
      expect(call(SeekerReports, list, organizer)).toBe('FORBIDDEN_ROLE');
    }
  });

  it('lets anyone reach a public route and still asks for a token everywhere else', () => {
    expect(call(Pages, Pages.prototype.home)).toBe('allowed');
    expect(call(Pages, Pages.prototype.home, 'not-a-token')).toBe('allowed');
    expect(call(StaffReports, ReportsBase.prototype.list)).toBe('AUTH_UNAUTHENTICATED');
    expect(call(StaffReports, ReportsBase.prototype.list, 'not-a-token')).toBe('AUTH_TOKEN_INVALID');
  });
});
