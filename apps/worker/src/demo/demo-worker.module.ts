import { Module, Type } from '@nestjs/common';
import { demoLiveLotConfig } from './demo-config';
import { DEMO_CONFIG, DemoLiveLot } from './demo-live-lot';
import { DemoLiveLotProcessor } from './demo-live-lot.processor';

/** Demo systems only: the recurring live lot (docs/demo-data.md). Loaded when DEMO_LIVE_LOT=1, which `npm start` sets. */
@Module({
  providers: [{ provide: DEMO_CONFIG, useFactory: () => demoLiveLotConfig() }, DemoLiveLot, DemoLiveLotProcessor],
})
export class DemoWorkerModule {}

/** What the worker imports: the demo module when enabled, nothing otherwise (production refuses the flag). */
export function demoWorkerModules(): Type[] {
  return demoLiveLotConfig().enabled ? [DemoWorkerModule] : [];
}
