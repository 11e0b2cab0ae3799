/**
 * The comparator of issue 19's public-list row: a bare Fastify (the package Nest's adapter uses) + node-postgres route
 * doing one query per request, the public list's own page query (same joins, filter, order, limit), serialised per
 * request. No Nest, no validation, no cache, no count. Spawned (twice, like the api) by bench/public-projects.ts.
 * Usage: node dist/bench/support/bare-fastify-pg.js   (PORT, DATABASE_URL from the environment)
 */
import { Pool } from 'pg';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fastify = require('fastify') as (opts?: object) => {
  get(path: string, handler: (req: { query: Record<string, string | undefined> }) => unknown): void;
  listen(opts: { port: number; host: string }): Promise<string>;
};

// The api's pool size (libs/platform/src/database/data-source-options.ts).
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = fastify({ logger: false });
app.get('/health', () => ({ status: 'ok' }));
app.get('/public/projects', async (req) => {
  const page = Math.max(1, Number(req.query.page ?? 1) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(req.query.pageSize ?? 20) || 20));
  const domain = req.query.domain;
  const { rows } = await pool.query(
    `SELECT p.id, p.code, p.domain, p.name, p.region, p.status, p.published_at AS "publishedAt", o.name AS "ownerName", a.name AS "agentName",
            p.rule_set_version AS "ruleSetVersion", p.rule_kind = 'sandbox' AS sandbox
     FROM trading_project p JOIN organisation o ON o.id = p.owner_organisation_id LEFT JOIN organisation a ON a.id = p.agent_organisation_id
     WHERE p.published_at IS NOT NULL ${domain ? 'AND p.domain = $3' : ''}
     ORDER BY p.published_at DESC, p.id LIMIT $1 OFFSET $2`,
    [pageSize, (page - 1) * pageSize, ...(domain ? [domain] : [])],
  );
  const items = rows.map((r) => ({ id: r.id, code: r.code, domain: r.domain, name: r.name, region: r.region, status: r.status, publishedAt: r.publishedAt, owner: { name: r.ownerName }, agent: r.agentName === null ? null : { name: r.agentName }, ruleSetVersion: r.ruleSetVersion, sandbox: r.sandbox }));
  return { items, page, pageSize };
});
app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).catch((err) => {
  console.error(err);
  process.exit(1);
});
process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));
