import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@platform/contracts';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { AuthedRequest, hasAnyRole } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SessionRevocations } from './session-revocations.service';

/** Global guard: every route needs a valid access token unless marked @Public(), then @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      // A public page may still show more to a signed-in owner (e.g. their own draft).
      if (token) request.actor = this.optionalActor(token);
      return true;
    }

    if (!token) throw new AppError('AUTH_UNAUTHENTICATED', 'Please sign in first. 请先登录。');
    const actor = this.tokens.verify(token);
    if (this.revocations.isRevoked(actor.sessionId)) {
      throw new AppError('AUTH_SESSION_REVOKED', 'You have signed out of this session. 该会话已退出登录。');
    }
    request.actor = actor;

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (required?.length && !hasAnyRole(actor, required)) {
      throw new AppError('FORBIDDEN_ROLE', 'Your role may not do this. 当前角色无权执行此操作。', {
        required,
      });
    }
    return true;
  }

  private optionalActor(token: string) {
    try {
      const actor = this.tokens.verify(token);
      return this.revocations.isRevoked(actor.sessionId) ? undefined : actor;
    } catch {
      return undefined;
    }
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}
