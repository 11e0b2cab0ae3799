import { Inject, Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { BodyReceipt } from '../http/received-at';
import { IntakeRepository, IntakeSubject } from './intake.repository';

/** A submission between its body's completion and its write: `receivedAt` is the time the deadline is judged on. */
export interface Intake {
  id: string;
  receivedAt: Date;
  /** removes the row inside the write's transaction, so a closing sees the write and the row's absence together */
  complete(tx: Tx): Promise<void>;
}

const POLL_MS = 25;

/**
 * Time of receipt (电子招标投标办法): a submission is judged on when its body was fully received, and a closing waits
 * (bounded by INTAKE_WAIT_MS) for submissions received in time whose write has not committed yet. Rows live in
 * PostgreSQL, so any api process's submission holds any worker's closing; a crashed request's row stops counting
 * when its bound passes.
 */
@Injectable()
export class IntakeService {
  private readonly logger = new Logger(IntakeService.name);

  constructor(
    private readonly txr: TransactionRunner,
    private readonly repo: IntakeRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Registers the submission, runs `work`, and removes the row whatever happens (the write removes it first when it commits). */
  async run<T>(subject: IntakeSubject, body: BodyReceipt, work: (intake: Intake) => Promise<T>): Promise<T> {
    const elapsed = await body.elapsedMicros();
    const row = await this.repo.insert(this.txr.dataSource.manager, subject, elapsed, this.config.intakeWaitMs);
    try {
      if (this.config.intakeDelayMs > 0) await sleep(this.config.intakeDelayMs);
      return await work({ id: row.id, receivedAt: row.receivedAt, complete: (tx) => this.repo.remove(tx.em, row.id) });
    } finally {
      await this.repo.remove(this.txr.dataSource.manager, row.id).catch((err: Error) => this.logger.warn({ err: err.message, intakeId: row.id }, 'intake row left to expire'));
    }
  }

  /**
   * Called by a closing before it locks its subject: returns once no submission received before `deadline` is still
   * being written and the settle time has passed, or once the bound (deadline + INTAKE_WAIT_MS) is reached. Returns at
   * once before the deadline (the closing is early and will not act).
   */
  async settle(em: EntityManager, subject: IntakeSubject, deadline: Date): Promise<{ waitedMs: number; abandoned: number }> {
    const started = Date.now();
    for (;;) {
      const p = await this.repo.pending(em, subject, deadline, this.config.intakeSettleMs, this.config.intakeWaitMs);
      if (p.early) return { waitedMs: 0, abandoned: 0 };
      if (!p.waiting) {
        if (p.inFlight > 0) this.logger.warn({ subject, inFlight: p.inFlight, deadline }, 'closing after the intake bound with submissions still in flight');
        await this.repo.sweep(em);
        return { waitedMs: Date.now() - started, abandoned: p.inFlight };
      }
      await sleep(POLL_MS);
    }
  }
}
