import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@platform/contracts';
import { AppError } from '../errors/app-error';
import { AccessTokenService } from './access-token.service';
import { AuthedRequest, hasAnyRole } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { SessionRevocations } from './session-revocations.service';

/** What a route asks of its caller, read once from its decorators. */
interface RouteAccess {
  isPublic: boolean;
  roles: Role[];
}

/** Global guard: every route needs a valid access token unless marked @Public(), then @Roles(). */
@Injectable()
export class AuthGuard implements CanActivate {
  /** controller class -> handler -> access: decorators never change, so reflect once per route. */
  private readonly routes = new WeakMap<object, WeakMap<object, RouteAccess>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly revocations: SessionRevocations,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.routeAccess(context);
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearerToken(request.headers.authorization);
    if (access.isPublic) {
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

    if (access.roles.length && !hasAnyRole(actor, access.roles)) {
      throw new AppError('FORBIDDEN_ROLE', 'Your role may not do this. 当前角色无权执行此操作。', {
        required: access.roles,
      });
    }
    return true;
  }

  private routeAccess(context: ExecutionContext): RouteAccess {
    const controller = context.getClass();
    const handler = context.getHandler();
    let handlers = this.routes.get(controller);
    if (!handlers) this.routes.set(controller, (handlers = new WeakMap()));
    let access = handlers.get(handler);
    if (!access) {
      const targets = [handler, controller];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false,
        roles: this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [],
      };
      handlers.set(handler, access);
    }
    return access;
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
