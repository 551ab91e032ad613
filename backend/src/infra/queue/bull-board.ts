import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { QueueName } from '@platform/contracts';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AccessTokenService } from '../../common/auth/access-token.service';
import { bearerToken } from '../../common/auth/auth.guard';
import { SessionRevocations } from '../../common/auth/session-revocations.service';
import { AllExceptionsFilter } from '../../common/errors/all-exceptions.filter';
import { AppError } from '../../common/errors/app-error';
import { ADMIN_ACCESS_COOKIE } from '../../modules/auth/auth-cookies';

export const BULL_BOARD_PATH = '/admin/queues';

/** Mounts Bull Board for admins only: a bearer token or the /admin-scoped access cookie. */
export async function mountBullBoard(app: INestApplication, fastify: FastifyInstance): Promise<void> {
  const queues = Object.values(QueueName).map(
    (name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))),
  );
  const serverAdapter = new BullBoardFastifyAdapter();
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: '任务队列 Queues' } } });
  serverAdapter.setBasePath(BULL_BOARD_PATH);

  const tokens = app.get(AccessTokenService);
  const revocations = app.get(SessionRevocations);
  const errors = new AllExceptionsFilter();

  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        try {
          const token = bearerToken(request.headers.authorization) ?? request.cookies?.[ADMIN_ACCESS_COOKIE];
          if (!token)
            throw new AppError(
              'AUTH_UNAUTHENTICATED',
              'Sign in as an administrator first. 请先以管理员身份登录。',
            );
          const actor = tokens.verify(token);
          if (revocations.isRevoked(actor.sessionId))
            throw new AppError('AUTH_SESSION_REVOKED', 'Signed out. 已退出登录。');
          if (!actor.roles.includes('admin'))
            throw new AppError('FORBIDDEN_ROLE', 'Administrators only. 仅限管理员。');
        } catch (error) {
          const { status, body } = errors.toResponse(error);
          return reply.status(status).send(body);
        }
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BULL_BOARD_PATH },
  );
}
