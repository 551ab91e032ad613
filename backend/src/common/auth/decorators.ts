import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@platform/contracts';
import { AppError } from '../errors/app-error';
import type { Actor, AuthedRequest } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';

/** The route needs no access token (login, registration, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller must hold at least one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The authenticated caller; routes behind the auth guard always have one. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
  if (!actor) throw new AppError('AUTH_UNAUTHENTICATED', 'Please sign in first. 请先登录。');
  return actor;
});

/** The caller on a @Public() route: present when a valid token came along, else undefined. */
export const OptionalActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor | undefined =>
    ctx.switchToHttp().getRequest<AuthedRequest>().actor,
);
