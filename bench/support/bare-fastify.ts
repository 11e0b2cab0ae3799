/**
 * The machine's floor for a JSON GET: a bare Fastify (the same package Nest's adapter uses) answering one route with
 * a fixed body read from a file, no Nest, no validation, no database. Spawned by bench/public-projects.ts.
 * Usage: node dist/bench/support/bare-fastify.js <body.json>   (port from PORT)
 */
import { readFileSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fastify = require('fastify') as (opts?: object) => {
  get(path: string, handler: (req: unknown, reply: { header(k: string, v: string): void }) => unknown): void;
  listen(opts: { port: number; host: string }): Promise<string>;
};

const body = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const app = fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));
// Serialises the object on every request, as the api does, rather than sending cached bytes.
app.get('/public/projects', () => body);
app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).catch((err) => {
  console.error(err);
  process.exit(1);
});
