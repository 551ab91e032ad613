import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import type { Actor } from '../../common/auth/actor';
import { CurrentActor, Public } from '../../common/auth/decorators';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { UsersService } from '../users/users.service';
import { clearSessionCookies, refreshTokenFrom, setSessionCookies } from './auth-cookies';
import { LoginDto, RefreshDto, RegisterDto, SessionDto, TokenSessionDto, UserViewDto } from './auth.dto';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ZodResponse({ status: 201, type: SessionDto })
  async register(
    @Body() body: RegisterDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookies(reply, await this.auth.register(body, clientOf(req)));
  }

  @Public()
  @Post('login')
  @ZodResponse({ status: 200, type: SessionDto })
  async login(
    @Body() body: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookies(reply, await this.auth.login(body, clientOf(req)));
  }

  @Public()
  @Post('refresh')
  @ZodResponse({ status: 200, type: SessionDto })
  async refresh(
    @Body() body: RefreshDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookies(
      reply,
      await this.auth.refresh(refreshTokenFrom(req, body.refreshToken), clientOf(req)),
    );
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.auth.logout(actor);
    clearSessionCookies(reply);
  }

  /** What the access token says, without a database read: the cheap check clients poll. */
  @ApiBearerAuth()
  @Get('session')
  @ZodResponse({ status: 200, type: TokenSessionDto })
  session(@CurrentActor() actor: Actor) {
    return { userId: actor.userId, roles: actor.roles, sessionId: actor.sessionId };
  }

  @ApiBearerAuth()
  @Get('me')
  @ZodResponse({ status: 200, type: UserViewDto })
  me(@CurrentActor() actor: Actor) {
    return this.users.view(actor, actor.userId);
  }

  private withCookies(reply: FastifyReply, session: Awaited<ReturnType<AuthService['login']>>) {
    setSessionCookies(reply, session, this.config.COOKIE_SECURE, this.config.REFRESH_TOKEN_TTL_DAYS);
    return session;
  }
}

function clientOf(req: FastifyRequest) {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}
