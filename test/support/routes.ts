import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '@app/platform/auth/decorators';
import { Role } from '@app/platform/auth/roles';
import { PROJECT_WRITE_EXEMPT_KEY, PROJECT_WRITE_KEY, ProjectWriteSpec } from '@app/trading/gate/project-write.decorator';
import { TestApp } from './test-app';

export interface Route {
  method: string;
  /** Nest style, e.g. /tenders/:id */
  path: string;
  access: 'public' | Role[] | 'none';
  /** the content types of its body, from @ApiConsumes (multipart routes say so) */
  consumes: string[];
  /** @ProjectWrite: the kernel's gate refuses it on a suspended project */
  gate?: ProjectWriteSpec;
  /** @ProjectWriteExempt / @ProjectSupervision: why it stays open on a suspended project */
  exempt?: string;
}

/** Every route of the running app, read from the controllers' metadata. */
export function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const cls = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!cls) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, cls) ?? '');
      for (const name of Object.getOwnPropertyNames(cls.prototype)) {
        const handler = cls.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
        const path = '/' + [base, sub].flatMap((s) => s.split('/')).filter(Boolean).join('/');
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, cls);
        const roles: Role[] | undefined = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, cls);
        const consumes: string[] = Reflect.getMetadata('swagger/apiConsumes', handler) ?? Reflect.getMetadata('swagger/apiConsumes', cls) ?? [];
        const gate: ProjectWriteSpec | undefined = Reflect.getMetadata(PROJECT_WRITE_KEY, handler);
        const exempt: string | undefined = Reflect.getMetadata(PROJECT_WRITE_EXEMPT_KEY, handler) ?? Reflect.getMetadata(PROJECT_WRITE_EXEMPT_KEY, cls);
        routes.push({ method, path, access: isPublic ? 'public' : roles ? [...roles].sort() : 'none', consumes, ...(gate ? { gate } : {}), ...(exempt ? { exempt } : {}) });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** A concrete path: fresh uuids for ids, a valid USCC and role where the route needs one. */
export const fillPath = (path: string, ids: (name: string) => string = () => randomUUID()) =>
  path.replace(/:role\b/g, 'bidder').replace(/:uscc\b/g, '91350100M000100Y43').replace(/:([A-Za-z]+)/g, (_, name: string) => ids(name));

/** The OpenAPI path of a Nest path: /tenders/:id → /tenders/{id}. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');
