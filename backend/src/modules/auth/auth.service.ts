import { Inject, Injectable, Optional } from '@nestjs/common';
import { LoginInput, passwordProblems, RegisterInput, Session } from '@platform/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DatabaseError } from 'pg';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { Actor } from '../../common/auth/actor';
import { SessionRevocations } from '../../common/auth/session-revocations.service';
import { AppError } from '../../common/errors/app-error';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { DATABASE, Database } from '../../infra/database/database';
import { RealtimeServer } from '../../infra/realtime/realtime.server';
import { toUserView } from '../users/user-view';
import { UsersRepository, UserWithRoles } from '../users/users.repository';
import { LoginThrottle } from './login-throttle.service';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface ClientInfo {
  ip: string;
  userAgent?: string;
}

const INVALID_CREDENTIALS = 'Wrong phone/email or password. 账号或密码错误。';

@Injectable()
export class AuthService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly accessTokens: AccessTokenService,
    private readonly revocations: SessionRevocations,
    @Optional() private readonly realtime?: RealtimeServer,
  ) {}

  async register(input: RegisterInput, client: ClientInfo): Promise<Session> {
    if (!input.phone && !input.email) {
      throw new AppError(
        'AUTH_IDENTIFIER_REQUIRED',
        'Give a phone number or an email address. 请填写手机号或邮箱。',
      );
    }
    const problems = passwordProblems(
      input.password,
      [input.phone, input.email?.split('@')[0]].filter(isString),
    );
    if (problems.length) {
      throw new AppError('AUTH_WEAK_PASSWORD', 'The password is too weak. 密码强度不足。', { problems });
    }
    const passwordHash = await this.hasher.hash(input.password);
    const roles = [...new Set(input.roles)];
    const created = await this.db
      .transaction((tx) =>
        this.users.insert(
          tx,
          { phone: input.phone, email: input.email, passwordHash, displayName: input.displayName },
          roles,
        ),
      )
      .catch(rethrowDuplicate);
    return this.startSession({ ...created, roles: roles.sort() }, client);
  }

  async login(input: LoginInput, client: ClientInfo): Promise<Session> {
    await this.throttle.assertAllowed(input.identifier, client.ip);
    const user = await this.users.findByIdentifier(input.identifier);
    const ok = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.burnTime(input.password);
    if (!user || !ok) {
      await this.throttle.recordFailure(input.identifier, client.ip);
      throw new AppError('AUTH_INVALID_CREDENTIALS', INVALID_CREDENTIALS);
    }
    if (user.status !== 'active') {
      throw new AppError('AUTH_ACCOUNT_DISABLED', 'This account is disabled. 该账号已停用。');
    }
    await this.throttle.clear(input.identifier, client.ip);
    return this.startSession(user, client);
  }

  /** Rotates the refresh token; a token used twice revokes its whole login. */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<Session> {
    const row = refreshToken ? await this.refreshTokens.findByHash(hashToken(refreshToken)) : undefined;
    if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) {
      throw new AppError('AUTH_REFRESH_INVALID', 'Please sign in again. 请重新登录。');
    }
    if (row.rotatedAt || !(await this.refreshTokens.markRotated(row.id))) {
      await this.endFamily(row.familyId);
      throw new AppError(
        'AUTH_REFRESH_REUSED',
        'This sign-in was used elsewhere and has been ended for safety. 检测到令牌重复使用，已强制退出。',
      );
    }
    const user = await this.users.findById(row.userId);
    if (!user || user.status !== 'active')
      throw new AppError('AUTH_REFRESH_INVALID', 'Please sign in again. 请重新登录。');
    return this.issue(user, row.familyId, client);
  }

  async logout(actor: Actor): Promise<void> {
    await this.endFamily(actor.sessionId);
  }

  private async endFamily(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    await this.revocations.revoke(familyId);
    await this.realtime?.endSession(familyId);
  }

  private startSession(user: UserWithRoles, client: ClientInfo): Promise<Session> {
    return this.issue(user, randomUUID(), client);
  }

  private async issue(user: UserWithRoles, familyId: string, client: ClientInfo): Promise<Session> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      userId: user.id,
      familyId,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 400),
    });
    const accessToken = this.accessTokens.sign({ userId: user.id, roles: user.roles, sessionId: familyId });
    return { accessToken, expiresIn: this.accessTokens.ttlSeconds, refreshToken, user: toUserView(user) };
  }

  /** Unknown accounts cost as much time as known ones, so timing does not reveal who is registered. */
  private async burnTime(password: string): Promise<false> {
    await this.hasher.hash(password);
    return false;
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string';
}

function rethrowDuplicate(error: unknown): never {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (cause instanceof DatabaseError && cause.code === '23505') {
    if (cause.constraint === 'users_phone_key') {
      throw new AppError('AUTH_PHONE_TAKEN', 'This phone number is already registered. 该手机号已注册。');
    }
    if (cause.constraint === 'users_email_key') {
      throw new AppError('AUTH_EMAIL_TAKEN', 'This email address is already registered. 该邮箱已注册。');
    }
  }
  throw error;
}
