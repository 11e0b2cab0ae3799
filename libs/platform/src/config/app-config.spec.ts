import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives working local defaults outside production', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toContain('127.0.0.1:5432');
    expect(c.masterKey).toHaveLength(32);
    expect(c.cardScanMs).toBe(5000);
    expect(c.trustedProxies).toEqual([]);
    expect({ host: c.metricsHost, port: c.metricsPort }).toEqual({ host: '127.0.0.1', port: 9464 });
    expect({ sequencer: c.auditSequencer, pollMs: c.auditLinkPollMs }).toEqual({ sequencer: true, pollMs: 20 });
    expect(loadConfig({ AUDIT_SEQUENCER: 'off' }).auditSequencer).toBe(false);
  });

  it('reads trusted proxies as addresses, CIDR ranges and proxy-addr range names', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.1, 10.1.0.0/16,::1,fd00::/8 ,loopback' }).trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses production without secrets, naming the variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is missing/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/MASTER_KEY is missing/);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be an integer/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must use/],
    [{ REDIS_URL: 'not a url' }, /REDIS_URL is not a URL/],
    [{ MASTER_KEY: 'c2hvcnQ=' }, /MASTER_KEY must be 32 bytes/],
    [{ AUDIT_SIGNING_KEY: 'c2hvcnQ=' }, /AUDIT_SIGNING_KEY must be a 32-byte/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV must be/],
    [{ REDIS_PREFIX: 'a b' }, /REDIS_PREFIX/],
    [{ CARD_SCAN_MS: '50' }, /CARD_SCAN_MS must be an integer between 100/],
    [{ CALENDAR_REFRESH_MS: '50' }, /CALENDAR_REFRESH_MS must be an integer between 100/],
    [{ TRUSTED_PROXIES: '10.0.0.1,*' }, /TRUSTED_PROXIES must list addresses/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /TRUSTED_PROXIES must list addresses/],
    [{ TRUSTED_PROXIES: 'proxy.example.com' }, /TRUSTED_PROXIES must list addresses/],
    [{ METRICS_PORT: '99999' }, /METRICS_PORT must be an integer/],
    [{ AUDIT_LINK_POLL_MS: '0' }, /AUDIT_LINK_POLL_MS must be an integer/],
  ])('refuses %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
