import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Actor, Role } from './roles';

export const ROLES_KEY = 'yg:roles';
export const PUBLIC_KEY = 'yg:public';

/** The roles that may call this route; the global guard refuses everyone else (403) and anonymous callers (401). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Open to anyone, no login (public disclosure). A route with neither @Public nor @Roles is refused to all. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a route without authentication');
  return request.actor;
});
