import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TokenService } from '@app/platform/auth/token.service';
import { DemoHttp } from '@app/platform/demo/demo-http';
import { MilestoneFirer } from '@app/platform/milestones/milestone-firer';

export { DemoRequestRefused } from '@app/platform/demo/demo-http';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The seed's hands: HTTP requests of the demo accounts to the api running in this process (DemoHttp), and, where a
 * period has to run before the next step, a wait until the domain's own milestone is due, which is then fired with the
 * code the worker runs (the seed runs before the worker starts). Nothing is moved in time: a step that needs a period
 * to have passed happens after that period has passed, on the database's clock.
 */
export class DemoClient extends DemoHttp {
  constructor(readonly app: NestFastifyApplication, baseUrl: string) {
    super(app.get<DataSource>(getDataSourceToken()), app.get(TokenService), baseUrl);
  }

  /** Now, on the database's clock (the clock every domain stamps with). */
  async dbNow(): Promise<Date> {
    const [{ now }] = await this.ds.query(`SELECT clock_timestamp() AS now`);
    return new Date(now);
  }

  /** The pending milestone of `kind` under `subjectId` (the project), its id and due time. */
  async milestone(subjectId: string, kind: string): Promise<{ id: string; dueAt: Date } | null> {
    const [m] = await this.ds.query(`SELECT id, due_at FROM milestone WHERE subject_id = $1 AND kind = $2 AND status = 'pending' ORDER BY due_at LIMIT 1`, [subjectId, kind]);
    return m ? { id: m.id, dueAt: new Date(m.due_at) } : null;
  }

  /**
   * Waits (on the database's clock) until the subject's pending milestone of `kind` is due, then fires it through the
   * worker's firer, so the domain's own handler does what the worker would do at that moment. A worker that fired it
   * first is the same. Refuses to wait longer than `maxWaitMs`: the seed never sits on a long period.
   */
  async fireWhenDue(subjectId: string, kind: string, maxWaitMs = 180000): Promise<void> {
    const m = await this.milestone(subjectId, kind);
    if (!m) {
      const [done] = await this.ds.query(`SELECT 1 FROM milestone WHERE subject_id = $1 AND kind = $2 AND status = 'fired'`, [subjectId, kind]);
      if (done) return;
      throw new Error(`no pending ${kind} milestone for ${subjectId}`);
    }
    const wait = m.dueAt.getTime() - (await this.dbNow()).getTime();
    if (wait > maxWaitMs) throw new Error(`${kind} of ${subjectId} is due in ${Math.round(wait / 1000)} s: too long for the seed to wait`);
    if (wait > 0) await sleep(wait + 50);
    for (let attempt = 0; attempt < 20; attempt++) {
      const outcome = await this.app.get(MilestoneFirer).fire(m.id);
      if (outcome.result === 'fired' || (outcome.result === 'not_pending' && outcome.status === 'fired')) return;
      if (outcome.result === 'early') await sleep(outcome.remainingMs + 50);
      else if (outcome.result === 'busy') await sleep(200);
      else throw new Error(`milestone ${kind} of ${subjectId} did not fire: ${JSON.stringify(outcome)}`);
    }
    throw new Error(`milestone ${kind} of ${subjectId} did not fire`);
  }
}
