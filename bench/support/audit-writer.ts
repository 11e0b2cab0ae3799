/**
 * One load-generating process of the audit-append bench (bench/audit-append.ts forks several): `writers` connections,
 * each running, back to back, a small business transaction that ends with its audit entry, as services do: lock the
 * writer's own account row and update it, insert an order, `AuditService.append`. Measures each transaction from its
 * start to the return of COMMIT, and notes when it committed (epoch ms) and its entry's id, for the link time.
 * Protocol (IPC): sends 'ready' once connected, waits for { go: { warmupMs, seconds } }, sends its results and exits.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditService } from '../../libs/platform/src/audit/audit.service';
import { Actor, Role } from '../../libs/platform/src/auth/roles';
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';

export interface WriterResult {
  /** transaction start → COMMIT returned, ms, of the transactions that started inside the measured window */
  latencies: number[];
  /** per measured transaction: its entry's id and when its COMMIT returned (epoch ms) */
  ids: string[];
  committedAt: number[];
  /** transactions measured, and the measured window in seconds */
  count: number;
  windowS: number;
}

const [url, firstAccount, writersArg, mode] = process.argv.slice(2);
const writers = Number(writersArg);
/** 'bare': the same business transaction without its audit entry (the bench's comparator) */
const bare = mode === 'bare';

const actorOf = (account: number): Actor => ({
  kind: 'account',
  accountId: `00000000-0000-4000-8000-${account.toString(16).padStart(12, '0')}`,
  username: `bench${account}`,
  organisationId: `00000000-0000-4000-9000-${account.toString(16).padStart(12, '0')}`,
  roles: [{ role: Role.Bidder, domain: null }],
});

async function main(): Promise<void> {
  const ds = new DataSource(dataSourceOptions(url, { extra: { max: writers, application_name: 'yg-bench-audit-writer' } }));
  await ds.initialize();
  const audit = new AuditService();
  await Promise.all(Array.from({ length: writers }, () => ds.query('SELECT 1')));
  process.send?.('ready');
  const go = await new Promise<{ warmupMs: number; seconds: number }>((resolve) => process.once('message', (m: { go: { warmupMs: number; seconds: number } }) => resolve(m.go)));
  const measureFrom = Date.now() + go.warmupMs;
  const stopAt = measureFrom + go.seconds * 1000;
  const out: WriterResult = { latencies: [], ids: [], committedAt: [], count: 0, windowS: go.seconds };
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const account = Number(firstAccount) + w;
      const actor = actorOf(account);
      for (let i = 0; Date.now() < stopAt; i++) {
        const startedAt = Date.now();
        const t0 = performance.now();
        const amountFen = 10_000 + ((i * 7919) % 90_000);
        const id = await ds.transaction(async (em) => {
          const [[acct]] = await em.query(`UPDATE bench_account SET balance_fen = balance_fen + $2, updated_at = now() WHERE id = $1 RETURNING balance_fen::text AS balance`, [account, amountFen]);
          const [order] = await em.query(`INSERT INTO bench_order (account_id, amount_fen) VALUES ($1, $2) RETURNING id::text AS id`, [account, amountFen]);
          if (bare) return order.id as string;
          const entry = await audit.append(em, {
            actor,
            action: 'bench.order_placed',
            subject: { type: 'bench_order', id: order.id },
            payload: { orderId: order.id, accountId: account, amountFen: BigInt(amountFen), balanceFen: acct.balance, channel: 'web', note: '电子卖场直购下单,金额已冻结' },
          });
          return entry.id;
        });
        const committedAt = Date.now();
        if (startedAt >= measureFrom && committedAt <= stopAt) {
          out.latencies.push(performance.now() - t0);
          out.ids.push(id);
          out.committedAt.push(committedAt);
        }
      }
    }),
  );
  out.count = out.latencies.length;
  await ds.destroy();
  await new Promise<void>((resolve) => process.send?.({ result: out }, () => resolve()));
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
