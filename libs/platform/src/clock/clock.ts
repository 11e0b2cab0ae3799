import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * The platform's one clock. Decisions that matter (a deadline, a lot's end) are taken with `dbNow(em)` —
 * the database's transaction time — inside the transaction that acts on them; `now()` is for display and scheduling.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  async dbNow(em: EntityManager): Promise<Date> {
    const [row] = await em.query(`SELECT now() AS now`);
    return row.now as Date;
  }
}
