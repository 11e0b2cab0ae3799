import { loadConfig } from '../config/app-config';
import { openWith, sealWith, Sealer } from './sealer';

describe('Sealer (AES-256-GCM under the master key)', () => {
  const sealer = new Sealer(loadConfig({ NODE_ENV: 'test' }));

  it('opens what it sealed, and the box does not contain the plaintext', () => {
    const box = sealer.seal('id-number', '110101199003071234', 'expert:1');
    expect(box.toString('latin1')).not.toContain('110101199003071234');
    expect(sealer.open('id-number', box, 'expert:1').toString()).toBe('110101199003071234');
  });

  it('refuses a box moved to another row or purpose, or altered by one bit', () => {
    const box = sealer.seal('seed', 'secret', 'draw:a');
    expect(() => sealer.open('seed', box, 'draw:b')).toThrow();
    expect(() => sealer.open('id-number', box, 'draw:a')).toThrow();
    const bent = Buffer.from(box);
    bent[bent.length - 1] ^= 1;
    expect(() => sealer.open('seed', bent, 'draw:a')).toThrow();
  });

  it('wraps data keys and gives a stable blind index', () => {
    const { key, wrapped } = sealer.newDataKey('project:1');
    expect(sealer.unwrapDataKey(wrapped, 'project:1').equals(key)).toBe(true);
    const box = sealWith(key, Buffer.from('bid'), 'bid:1');
    expect(openWith(key, box, 'bid:1').toString()).toBe('bid');
    expect(sealer.blindIndex('id', 'x')).toBe(sealer.blindIndex('id', 'x'));
    expect(sealer.blindIndex('id', 'x')).not.toBe(sealer.blindIndex('id', 'y'));
  });
});
