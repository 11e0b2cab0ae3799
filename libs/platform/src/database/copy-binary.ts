import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** Chunks as they arrive; bytes are copied once, when a whole field is taken. */
class ByteQueue {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0];
        const used = Math.min(c.length, n - filled);
        c.copy(out, filled, 0, used);
        filled += used;
        if (used === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(used);
      }
    }
    this.length -= n;
    return out;
  }
}

/**
 * Streams `COPY (query) TO STDOUT (FORMAT binary)` and hands each row's fields to `onRow` as raw bytes (null for SQL
 * NULL). Large bytea values arrive as they are stored: no hex or base64 on either side. Runs on its own pool
 * connection; `query` takes no parameters (quote literals with `literal()`).
 */
export async function copyBinaryRows(ds: DataSource, query: string, onRow: (fields: (Buffer | null)[]) => void): Promise<number> {
  const runner = ds.createQueryRunner();
  const client = (await runner.connect()) as { query: (s: unknown) => NodeJS.ReadableStream };
  const q = new ByteQueue();
  let stage: 'header' | 'extension' | 'count' | 'length' | 'field' | 'done' = 'header';
  let need = SIGNATURE.length + 8;
  let fieldsLeft = 0;
  let fields: (Buffer | null)[] = [];
  let rows = 0;
  const step = () => {
    while (stage !== 'done' && q.length >= need) {
      const bytes = q.take(need);
      if (stage === 'header') {
        if (!bytes.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('not a binary COPY stream');
        need = bytes.readUInt32BE(SIGNATURE.length + 4);
        stage = need ? 'extension' : 'count';
        if (!need) need = 2;
      } else if (stage === 'extension') {
        stage = 'count';
        need = 2;
      } else if (stage === 'count') {
        fieldsLeft = bytes.readInt16BE(0);
        if (fieldsLeft === -1) stage = 'done';
        else {
          fields = [];
          stage = 'length';
          need = 4;
        }
      } else if (stage === 'length') {
        const len = bytes.readInt32BE(0);
        if (len === -1) fields.push(null);
        if (len > 0) {
          stage = 'field';
          need = len;
          continue;
        }
        if (len === 0) fields.push(Buffer.alloc(0));
        finishField();
      } else {
        fields.push(bytes);
        finishField();
      }
    }
  };
  const finishField = () => {
    fieldsLeft--;
    if (fieldsLeft > 0) {
      stage = 'length';
      need = 4;
      return;
    }
    onRow(fields);
    rows++;
    stage = 'count';
    need = 2;
  };
  try {
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      q.push(chunk);
      step();
    }
    return rows;
  } finally {
    await runner.release();
  }
}

/** A SQL string literal for the COPY query, which takes no parameters. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
