import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@app/platform/config/app-config';
import { APP_CONFIG } from '@app/platform/config/config.module';
import { CollusionService } from './collusion.service';

/** In the worker: every COLLUSION_SCAN_MS, scans the tender sections and quote rounds opened since the last pass. */
@Injectable()
export class CollusionScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(CollusionScanner.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly collusion: CollusionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const tick = () => {
      this.running ??= this.collusion
        .scanUnscanned()
        .then((r) => {
          if (r.rounds) this.logger.log(r, 'collusion scan');
        })
        .catch((err) => this.logger.warn({ err: (err as Error).message }, 'collusion scan failed'))
        .finally(() => (this.running = undefined));
    };
    this.timer = setInterval(tick, this.config.collusionScanMs);
    tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
