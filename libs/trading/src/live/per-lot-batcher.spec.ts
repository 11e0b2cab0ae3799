import { PerLotBatcher } from './per-lot-batcher';

const tick = () => new Promise((r) => setImmediate(r));

describe('PerLotBatcher', () => {
  it('writes a lone bid at once and queues the ones that arrive meanwhile into the next batch, in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const b = new PerLotBatcher<number, string>(async (_lot, items) => {
      batches.push(items);
      if (batches.length === 1) await new Promise<void>((r) => (release = r));
      return items.map((i) => `ok ${i}`);
    });
    const first = b.submit('lot-1', 1);
    await tick();
    const later = [2, 3, 4].map((i) => b.submit('lot-1', i));
    await tick();
    expect(batches).toEqual([[1]]);
    release();
    expect(await Promise.all([first, ...later])).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps lots apart: a busy lot does not hold another', async () => {
    const seen: string[] = [];
    let release: () => void = () => undefined;
    const b = new PerLotBatcher<number, number>(async (lot, items) => {
      seen.push(lot);
      if (lot === 'busy') await new Promise<void>((r) => (release = r));
      return items;
    });
    const busy = b.submit('busy', 1);
    await tick();
    expect(await b.submit('quiet', 2)).toBe(2);
    release();
    expect(await busy).toBe(1);
    expect(seen).toEqual(['busy', 'quiet']);
  });

  it('tries each bid of a failed batch alone, so only the bad one fails', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const b = new PerLotBatcher<number, number>(async (_lot, items) => {
      if (++calls === 1) await new Promise<void>((r) => (release = r));
      if (items.includes(13)) throw new Error('bad bid');
      return items;
    });
    const first = b.submit('lot', 1);
    await tick();
    const rest = [12, 13, 14].map((i) => b.submit('lot', i).catch((e: Error) => e.message));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([1, 12, 'bad bid', 14]);
  });

  it('caps a batch at its size', async () => {
    const sizes: number[] = [];
    let release: () => void = () => undefined;
    const b = new PerLotBatcher<number, number>(async (_lot, items) => {
      sizes.push(items.length);
      if (sizes.length === 1) await new Promise<void>((r) => (release = r));
      return items;
    }, 3);
    const all = [b.submit('lot', 0)];
    await tick();
    for (let i = 1; i <= 7; i++) all.push(b.submit('lot', i));
    release();
    await Promise.all(all);
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});
