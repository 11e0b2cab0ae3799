import { SetMetadata } from '@nestjs/common';

export const PROJECT_WRITE_KEY = 'yg:project-write';
export const PROJECT_WRITE_EXEMPT_KEY = 'yg:project-write-exempt';

/** Where a gated route names its subject: a route param (default `id`) or a field of the JSON body. */
export interface ProjectWriteSpec {
  /** the resolver that maps the subject id to a trading_project id ('project' when it already is one) */
  kind: string;
  param?: string;
  body?: string;
}

/**
 * A state-changing request on one project: the kernel's gate refuses it with 409 PROJECT_SUSPENDED while the project
 * is suspended, before the handler runs and again inside the write's transaction. `kind` names the resolver a domain
 * registered (ProjectGate.resolver) that maps the route's id to its project, e.g. `@ProjectWrite('land-application',
 * { param: 'applicationId' })`, `@ProjectWrite('project', { body: 'projectId' })`.
 */
export const ProjectWrite = (kind = 'project', from: { param?: string; body?: string } = {}): MethodDecorator =>
  SetMetadata<string, ProjectWriteSpec>(PROJECT_WRITE_KEY, from.body ? { kind, body: from.body } : { kind, param: from.param ?? 'id' });

/**
 * A write on a project that stays open while it is suspended, with the reason (listed in docs/suspension.md): the
 * supervisors' own actions, a party's way to them (complaints), the centre freeing a room.
 */
export const ProjectWriteExempt = (reason: string): MethodDecorator & ClassDecorator => SetMetadata(PROJECT_WRITE_EXEMPT_KEY, reason);

/** A supervisor's action on a project (resume, complaint handling, collusion review): never gated by its suspension. */
export const ProjectSupervision = (): MethodDecorator & ClassDecorator => ProjectWriteExempt('supervision');
