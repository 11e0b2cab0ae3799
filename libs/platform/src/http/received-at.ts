// 电子招标投标办法: a bid counts when its transmission was completed before the deadline, not when it was processed.
import type { IncomingMessage } from 'node:http';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const BODY_ENDED = Symbol('yg:bodyEndedNs');

type Raw = IncomingMessage & { [BODY_ENDED]?: bigint };

/**
 * The moment the request body was fully received, on this process's monotonic clock. Read through `completed()`:
 * for a JSON body it is already known when the handler runs; for a streamed upload it is known once the handler has
 * read the last part (the last byte of the last part). Never from the client.
 */
export class BodyReceipt {
  // An ES private field: the global pipe walks a parameter's own enumerable properties, and the socket must not be one.
  readonly #raw: Raw;

  constructor(raw: Raw) {
    this.#raw = raw;
  }

  /** process.hrtime.bigint() at which the last byte of the body was read; a body nobody read is drained first. */
  completed(): Promise<bigint> {
    const raw = this.#raw;
    const ended = raw[BODY_ENDED];
    if (ended !== undefined) return Promise.resolve(ended);
    if (raw.readableEnded) return Promise.resolve(process.hrtime.bigint());
    return new Promise((resolve, reject) => {
      raw.once('end', () => resolve(raw[BODY_ENDED] ?? process.hrtime.bigint()));
      raw.once('error', reject);
      raw.resume();
    });
  }

  /** Microseconds since the body completed, on the monotonic clock (immune to wall-clock steps). */
  async elapsedMicros(): Promise<bigint> {
    const ended = await this.completed();
    return (process.hrtime.bigint() - ended) / 1000n;
  }
}

/** Installed once at the HTTP edge: notes when each request's body stream ends, whoever consumes it (JSON parser or multipart). */
export function installBodyReceipts(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    const raw = request.raw as Raw;
    raw.once('end', () => {
      raw[BODY_ENDED] = process.hrtime.bigint();
    });
    done();
  });
}

/** The request's `BodyReceipt`; pass it to the service, which turns it into the database's received-at time. */
export const ReceivedAt = createParamDecorator((_: unknown, ctx: ExecutionContext): BodyReceipt => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return new BodyReceipt(request.raw as Raw);
});
