import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

/** The built web UI (apps/web/dist) when present, else the small landing page of apps/web/public. */
export async function mountWeb(app: NestFastifyApplication): Promise<void> {
  const root = join(process.cwd(), 'apps', 'web');
  const dir = [join(root, 'dist'), join(root, 'public')].find((d) => existsSync(join(d, 'index.html')));
  if (!dir) return;
  await app.register(fastifyStatic as never, { root: dir, prefix: '/', wildcard: false, index: ['index.html'] });
}
