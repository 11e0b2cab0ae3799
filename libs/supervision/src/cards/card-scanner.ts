import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { TransactionRunner } from '@app/platform/database/transaction-runner';
import { CreditLedger } from '../credit/credit-ledger';
import { CreditRepository } from '../credit/credit.repository';
import { CardIssuer } from './card-issuer';
import { CardRepository } from './card.repository';

export interface CardScanResult {
  skipped: boolean;
  steps: number;
  yellow: number;
  red: number;
  rescored: number;
}

const LOCK = `hashtext('supervision-card-scan')`;
/** Organisations re-scored per scan after their e-mall ratings changed. */
const RESCORE_BATCH = 200;

/**
 * 红黄牌监察 in the worker: every CARD_SCAN_MS one worker at a time (an advisory lock elects it) judges every watched
 * step that may still earn a card and issues what is due; cards are unique per step and colour, so a second worker
 * or a second scan adds nothing. Then it re-scores organisations whose e-mall ratings changed.
 */
@Injectable()
export class CardScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CardScanner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<CardScanResult>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly txr: TransactionRunner,
    private readonly cards: CardRepository,
    private readonly issuer: CardIssuer,
    private readonly credit: CreditRepository,
    private readonly ledger: CreditLedger,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.scan()
        .catch((err) => {
          this.logger.warn({ err: (err as Error).message }, 'card scan failed');
          return { skipped: true, steps: 0, yellow: 0, red: 0, rescored: 0 };
        })
        .finally(() => (this.running = undefined));
    };
    tick();
    this.timer = setInterval(tick, this.config.cardScanMs);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async scan(): Promise<CardScanResult> {
    const runner = this.ds.createQueryRunner();
    await runner.connect();
    try {
      const [{ got }] = await runner.query(`SELECT pg_try_advisory_lock(${LOCK}) AS got`);
      if (!got) return { skipped: true, steps: 0, yellow: 0, red: 0, rescored: 0 };
      try {
        const em = this.ds.manager;
        const { now, doneSince } = await this.cards.scanWindow(em);
        const steps = await this.cards.candidates(em, doneSince);
        let yellow = 0;
        let red = 0;
        let failed = 0;
        for (const step of steps) {
          const issued = await this.issuer.judge(step, now).catch((err) => {
            this.logger.warn({ err: (err as Error).message, step: step.stepKey }, 'card not issued');
            failed += 1;
            return [];
          });
          yellow += issued.filter((c) => c === 'yellow').length;
          red += issued.filter((c) => c === 'red').length;
        }
        // A step that failed is judged again next time only if the window stays where it was.
        if (!failed) await this.cards.markScanned(em, now);
        let rescored = 0;
        for (const organisationId of await this.credit.staleRatings(em, RESCORE_BATCH)) {
          await this.txr.run((tx) => this.ledger.refresh(tx.em, organisationId));
          rescored += 1;
        }
        if (yellow || red) this.logger.log({ yellow, red }, 'cards issued');
        return { skipped: false, steps: steps.length, yellow, red, rescored };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }
}
