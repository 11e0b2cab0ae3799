import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RolesGuard } from '@app/platform/auth/roles.guard';
import { Role } from '@app/platform/auth/roles';
import { DomainError } from '@app/platform/errors/domain-error';
import { PlatformErrors } from '@app/platform/errors/platform-errors';
import { QueueName } from '@app/platform/queues/queue-names';

export const BULL_BOARD_PATH = '/admin/queues';
const ALLOWED = [Role.Centre, Role.Office];

function tokenFromCookie(cookie: string | undefined): string | undefined {
  const match = /(?:^|;\s*)yg_token=([^;]+)/.exec(cookie ?? '');
  return match ? decodeURIComponent(match[1]) : undefined;
}

/** Bull Board for the centre and the office only; browsers may carry the token in the `yg_token` cookie. */
export async function mountBullBoard(app: NestFastifyApplication): Promise<void> {
  const serverAdapter = new BullBoardAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  const queues = Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name))));
  createBullBoard({ queues, serverAdapter, options: { uiConfig: { boardTitle: '阳光交易 队列' } } });
  const guard = app.get(RolesGuard);

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      const cookieToken = tokenFromCookie(request.headers.cookie);
      const headers = request.headers.authorization || !cookieToken ? request.headers : { ...request.headers, authorization: `Bearer ${cookieToken}` };
      try {
        const actor = await guard.authenticate({ headers });
        if (!actor.roles.some((g) => ALLOWED.includes(g.role))) throw PlatformErrors.FORBIDDEN_ROLE();
      } catch (e) {
        const refusal = e instanceof DomainError ? e : PlatformErrors.UNAUTHENTICATED();
        return reply.status(refusal.status).send({ code: refusal.code, status: refusal.status, message: { zh: refusal.zh, en: refusal.en } });
      }
    });
    await scope.register(serverAdapter.registerPlugin() as never, { prefix: BULL_BOARD_PATH });
  });
}
