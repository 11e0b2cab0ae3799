import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, mergeMap, Observable } from 'rxjs';
import { ProjectGate } from './project-gate';
import { PROJECT_WRITE_KEY, ProjectWriteSpec } from './project-write.decorator';

interface GatedRequest {
  params?: Record<string, unknown>;
  body?: unknown;
}

/**
 * Global: on a @ProjectWrite route, resolves the project, refuses a suspended one (409 PROJECT_SUSPENDED) before the
 * pipes and the handler, and runs the handler with the project in scope for the in-transaction re-check. Guards run
 * first, so a caller without the role still gets 401/403.
 */
@Injectable()
export class ProjectGateInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly gate: ProjectGate,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = context.getType() === 'http' ? this.reflector.get<ProjectWriteSpec | undefined>(PROJECT_WRITE_KEY, context.getHandler()) : undefined;
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<GatedRequest>();
    const id = spec.body ? bodyField(request.body, spec.body) : request.params?.[spec.param ?? 'id'];
    return from(this.gate.enter(spec.kind, id)).pipe(mergeMap((projectId) => (projectId ? this.gate.within(projectId, () => next.handle()) : next.handle())));
  }
}

const bodyField = (body: unknown, field: string): unknown => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[field] : undefined);
