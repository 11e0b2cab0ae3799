import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { PlatformErrors } from '../errors/platform-errors';
import { ActorLoader } from './actor.loader';
import { PUBLIC_KEY, ROLES_KEY } from './decorators';
import { Actor, Role } from './roles';
import { TokenService } from './token.service';

interface AuthRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/** The one guard on every route: @Public routes are open, @Roles routes need one of the roles, anything else is refused. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
    private readonly logger: PinoLogger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<AuthRequest>();
    const actor = await this.authenticate(request);
    this.logger.assign({ accountId: actor.accountId });
    if (!allowed || !actor.roles.some((g) => allowed.includes(g.role))) throw PlatformErrors.FORBIDDEN_ROLE();
    request.actor = actor;
    return true;
  }

  async authenticate(request: AuthRequest): Promise<Actor> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw PlatformErrors.UNAUTHENTICATED();
    const claims = this.tokens.verify(token);
    return this.actors.load(claims.sub);
  }
}
