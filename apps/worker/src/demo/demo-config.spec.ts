import { ConfigError } from '@app/platform/config/app-config';
import { demoLiveLotConfig } from './demo-config';

describe('demo live lot configuration', () => {
  it('is off unless asked, and then needs the api’s URL', () => {
    expect(demoLiveLotConfig({}).enabled).toBe(false);
    expect(demoLiveLotConfig({ NODE_ENV: 'test' }).enabled).toBe(false);
    expect(demoLiveLotConfig({ DEMO_LIVE_LOT: '1', DEMO_API_URL: 'http://127.0.0.1:3000' })).toEqual({ enabled: true, apiUrl: 'http://127.0.0.1:3000', everyMs: 20000, leadSeconds: 180, maxRounds: 50 });
    expect(() => demoLiveLotConfig({ DEMO_LIVE_LOT: '1' })).toThrow(ConfigError);
    expect(() => demoLiveLotConfig({ DEMO_LIVE_LOT: '1', DEMO_API_URL: 'http://127.0.0.1:3000/api/' })).toThrow(/DEMO_API_URL/);
    expect(() => demoLiveLotConfig({ DEMO_LIVE_LOT: '1', DEMO_API_URL: 'http://127.0.0.1:3000', DEMO_LIVE_LOT_LEAD_S: '2' })).toThrow(/DEMO_LIVE_LOT_LEAD_S/);
  });

  it('is refused in production, where the sandbox rule sets it runs on are refused too', () => {
    expect(() => demoLiveLotConfig({ NODE_ENV: 'production', DEMO_LIVE_LOT: '1', DEMO_API_URL: 'http://127.0.0.1:3000' })).toThrow(/production|生产/);
    expect(demoLiveLotConfig({ NODE_ENV: 'production' }).enabled).toBe(false);
  });
});
