import { ConfigError } from '@app/platform/config/app-config';

export interface DemoLiveLotConfig {
  /** DEMO_LIVE_LOT=1: this worker keeps the demo's live lot coming (npm start sets it; never production) */
  enabled: boolean;
  /** DEMO_API_URL: the api the job talks to as the demo accounts, e.g. http://127.0.0.1:3000 */
  apiUrl: string;
  /** DEMO_LIVE_LOT_EVERY_MS: how often the job looks (default 20 s) */
  everyMs: number;
  /** DEMO_LIVE_LOT_LEAD_S: how long a new round's listing runs before its live bidding starts (default 180 s) */
  leadSeconds: number;
  /** DEMO_LIVE_LOT_MAX_ROUNDS: rounds relisted on one deal before the next deal is registered (default 50) */
  maxRounds: number;
}

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max}, got "${raw}" (配置 ${name} 无效)`);
  return Number(raw);
}

/** Read once when the worker module is defined; a bad value stops the worker with a one-line configuration error. */
export function demoLiveLotConfig(env: Record<string, string | undefined> = process.env): DemoLiveLotConfig {
  const enabled = env.DEMO_LIVE_LOT === '1';
  if (enabled && (env.NODE_ENV ?? 'development') === 'production') {
    throw new ConfigError('DEMO_LIVE_LOT is for demo systems: it runs on the sandbox rule sets, which production refuses (演示循环竞价不能在生产环境开启)');
  }
  const apiUrl = env.DEMO_API_URL ?? '';
  if (enabled && !/^https?:\/\/[^/\s]+$/.test(apiUrl)) throw new ConfigError(`DEMO_API_URL must be the api's base URL such as http://127.0.0.1:3000, got "${apiUrl}" (配置 DEMO_API_URL 无效)`);
  return {
    enabled,
    apiUrl,
    everyMs: int(env, 'DEMO_LIVE_LOT_EVERY_MS', 20000, 500, 3600000),
    // the sandbox rural listing lasts at least 30 s (10 working days at 3 s each): a shorter lead is refused by the api
    leadSeconds: int(env, 'DEMO_LIVE_LOT_LEAD_S', 180, 5, 86400),
    maxRounds: int(env, 'DEMO_LIVE_LOT_MAX_ROUNDS', 50, 1, 1000),
  };
}
