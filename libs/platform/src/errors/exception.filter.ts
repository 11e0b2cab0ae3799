import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';
import { ErrorBody } from './error-body';
import { PlatformErrors } from './platform-errors';

const PG_CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** The one place that turns anything thrown into the API's error shape; no stack trace ever reaches a client. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const refusal = this.toDomainError(exception);
    if (refusal.status >= 500) {
      this.logger.error({ err: exception, url: request.url }, 'request failed');
    }
    const body: ErrorBody = {
      code: refusal.code,
      status: refusal.status,
      message: { zh: refusal.zh, en: refusal.en },
      ...(refusal.details ? { details: refusal.details } : {}),
      requestId: String(request.id ?? ''),
    };
    void reply.status(refusal.status).send(body);
  }

  private toDomainError(e: unknown): DomainError {
    if (e instanceof DomainError) return e;
    if (e instanceof ThrottlerException) return PlatformErrors.TOO_MANY_REQUESTS();
    if (e instanceof HttpException) return this.fromHttp(e);
    if (isFastifyError(e)) return this.fromFastify(e);
    if (e instanceof QueryFailedError && PG_CONNECTION_LOST.has((e.driverError as { code?: string })?.code ?? '')) {
      return PlatformErrors.SERVICE_UNAVAILABLE();
    }
    if (isConnectionError(e)) return PlatformErrors.SERVICE_UNAVAILABLE();
    // Text PostgreSQL cannot store (U+0000 in a multipart field, which no DTO pipe sees) is the caller's to fix.
    if (e instanceof QueryFailedError && ['22021', '22P05'].includes((e.driverError as { code?: string })?.code ?? '')) return PlatformErrors.VALIDATION_FAILED();
    const internal = PlatformErrors.INTERNAL();
    return new DomainError(internal.code, 503, internal.zh, internal.en);
  }

  private fromHttp(e: HttpException): DomainError {
    const status = e.getStatus();
    const response = e.getResponse() as { message?: unknown } | string;
    if (status === 404) return PlatformErrors.ROUTE_NOT_FOUND();
    if (status === 401) return PlatformErrors.UNAUTHENTICATED();
    if (status === 403) return PlatformErrors.FORBIDDEN_ROLE();
    if (status === 413) return PlatformErrors.PAYLOAD_TOO_LARGE();
    if (status === 429) return PlatformErrors.TOO_MANY_REQUESTS();
    const messages = typeof response === 'object' && Array.isArray(response.message) ? response.message : undefined;
    return PlatformErrors.VALIDATION_FAILED(messages ? { errors: messages } : undefined);
  }

  private fromFastify(e: { code: string; statusCode?: number }): DomainError {
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return PlatformErrors.PAYLOAD_TOO_LARGE();
    if (e.code.startsWith('FST_ERR_CTP')) return PlatformErrors.MALFORMED_BODY();
    if ((e.statusCode ?? 500) < 500) return PlatformErrors.VALIDATION_FAILED();
    return PlatformErrors.INTERNAL();
  }
}

function isFastifyError(e: unknown): e is { code: string; statusCode?: number } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('FST_');
}

function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string })?.code;
  const msg = String((e as { message?: string })?.message ?? '');
  return code === 'ECONNREFUSED' || code === 'ECONNRESET' || /Connection terminated|connection is closed|Connection is closed/i.test(msg);
}
