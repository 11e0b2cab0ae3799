/**
 * Bids on one lot queue here while that lot's previous batch is being written, and go together in the next one: one
 * transaction, one lock of the lot row, one commit for all of them, in their order of arrival. A lot with nothing in
 * flight writes a bid at once (a batch of one), so a quiet lot waits for nothing. Lots do not wait for each other.
 * When a batch fails as a whole, each of its bids is tried again alone, so one bad bid cannot sink the others.
 */
export class PerLotBatcher<I, O> {
  private readonly queues = new Map<string, { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[]>();
  private readonly busy = new Set<string>();

  constructor(
    private readonly write: (lotId: string, items: I[]) => Promise<O[]>,
    private readonly maxBatch = 64,
  ) {}

  submit(lotId: string, item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      const queue = this.queues.get(lotId) ?? [];
      queue.push({ item, resolve, reject });
      this.queues.set(lotId, queue);
      if (!this.busy.has(lotId)) void this.drain(lotId);
    });
  }

  private async drain(lotId: string): Promise<void> {
    this.busy.add(lotId);
    try {
      for (;;) {
        const queue = this.queues.get(lotId);
        if (!queue?.length) break;
        const batch = queue.splice(0, this.maxBatch);
        if (!queue.length) this.queues.delete(lotId);
        await this.run(lotId, batch);
      }
    } finally {
      this.busy.delete(lotId);
    }
  }

  private async run(lotId: string, batch: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[]): Promise<void> {
    try {
      const out = await this.write(lotId, batch.map((b) => b.item));
      batch.forEach((b, k) => b.resolve(out[k]));
    } catch (err) {
      if (batch.length === 1) return batch[0].reject(err);
      for (const b of batch) await this.run(lotId, [b]);
    }
  }
}
