import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The client-side routes of the web UI. Each prefix is one no API route uses, so serving index.html for them never
 * shadows the API (a duplicate would make Fastify refuse to start); any other unknown path stays a JSON 404.
 */
export const WEB_ROUTES = ['/login', '/portal/*', '/workspace/*'];

/** The built web UI (apps/web/dist) when present, else the small landing page of apps/web/public. */
export async function mountWeb(app: NestFastifyApplication): Promise<void> {
  const root = join(process.cwd(), 'apps', 'web');
  const dir = [join(root, 'dist'), join(root, 'public')].find((d) => existsSync(join(d, 'index.html')));
  if (!dir) return;
  await app.register(fastifyStatic as never, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // Hashed bundles never change; index.html must be re-read so a new build is picked up.
    cacheControl: false,
    setHeaders: (reply: { header(k: string, v: string): void }, path: string) =>
      reply.header('cache-control', path.includes(join('dist', 'assets')) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  if (dir !== join(root, 'dist')) return;
  const fastify = app.getHttpAdapter().getInstance();
  for (const url of WEB_ROUTES) {
    fastify.get(url, (_req, reply) => {
      reply.header('cache-control', 'no-cache');
      return (reply as unknown as { sendFile(f: string): unknown }).sendFile('index.html');
    });
  }
}
