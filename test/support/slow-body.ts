import { request } from 'node:http';
import { randomBytes } from 'node:crypto';

/** A multipart/form-data body built by hand (fields and one file), so a test can send it in pieces. */
export function multipartBody(fields: Record<string, string>, file: { field: string; name: string; content: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----yg${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Sends `body` over real HTTP: all but its last `tail` bytes at once, then waits for `before()` and sends the rest —
 * the request's transmission completes only then, whenever it started. No keep-alive agent: the socket closes with the answer.
 */
export function postInTwo(baseUrl: string, path: string, token: string, body: Buffer, contentType: string, before: () => Promise<void>, tail = 16): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}${path}`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': body.length } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, body: text && (res.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text });
      });
    });
    req.on('error', reject);
    req.write(body.subarray(0, body.length - tail));
    before().then(
      () => req.end(body.subarray(body.length - tail)),
      (err) => req.destroy(err as Error),
    );
  });
}
