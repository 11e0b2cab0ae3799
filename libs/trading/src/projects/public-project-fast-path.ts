import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TradingDomain } from '@app/platform/auth/roles';
import { PublicPageBytes, PublicProjectPages } from './public-project-pages';

const DOMAINS = new Set<string>(Object.values(TradingDomain));
const PATH = '/public/projects';
const whole = (v: unknown, max: number): number | undefined | null => {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || !/^[1-9][0-9]{0,4}$/.test(v)) return null;
  const n = Number(v);
  return n <= max ? n : null;
};

/** Sends a page, or 304 when the client already holds these bytes (If-None-Match names its ETag). */
export function sendPublicPage(reply: FastifyReply, page: PublicPageBytes, ifNoneMatch: string | string[] | undefined): void {
  reply.header('etag', page.etag).header('cache-control', 'no-cache');
  const tags = typeof ifNoneMatch === 'string' ? ifNoneMatch.split(',').map((t) => t.trim()) : [];
  if (tags.includes(page.etag) || tags.includes(`W/${page.etag}`)) {
    reply.code(304).send();
    return;
  }
  reply.header('content-type', 'application/json; charset=utf-8').send(page.body);
}

/**
 * The lean path of GET /public/projects (issue 19): a request whose query is plainly valid and whose page this process
 * holds fresh is answered from Fastify's onRequest hook, before Nest's guard, pipe and interceptor chain, none of which
 * has anything to decide for an anonymous read of cached bytes. Anything else (a miss, an odd or invalid query) goes
 * on to the Nest route, which validates, fills the cache and answers the same way.
 */
@Injectable()
export class PublicProjectFastPath implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly pages: PublicProjectPages,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addHook) return; // the worker has no HTTP server
    fastify.addHook('onRequest', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (request.method !== 'GET' || !request.url.startsWith(PATH) || (request.url.length > PATH.length && request.url[PATH.length] !== '?')) return done();
      const q = (request.query ?? {}) as Record<string, unknown>;
      for (const k in q) if (k !== 'domain' && k !== 'page' && k !== 'pageSize') return done();
      const domain = q.domain;
      if (domain !== undefined && (typeof domain !== 'string' || !DOMAINS.has(domain))) return done();
      const page = whole(q.page, 10000);
      const pageSize = whole(q.pageSize, 100);
      if (page === null || pageSize === null) return done();
      const hit = this.pages.fresh(domain as TradingDomain | undefined, page ?? 1, pageSize ?? 20);
      if (!hit) return done();
      sendPublicPage(reply, hit, request.headers['if-none-match']);
    });
  }
}
