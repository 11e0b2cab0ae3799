/**
 * The live-feed bench's bare comparator: socket.io with the Redis adapter and nothing else (no Nest, no database, no
 * HTTP routes but /health). A `watch {lotId}` joins the lot's room, as the api's gateway does. Spawned twice, on one key.
 * Usage (by the bench): PORT=… BARE_KEY=… REDIS_URL=… node bare-socketio.js
 */
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const http = createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404);
  res.end();
});
const io = new Server(http, { cors: { origin: true } });
const pub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 3 });
const sub = pub.duplicate();
io.adapter(createAdapter(pub, sub, { key: process.env.BARE_KEY! }));
io.of('/live').on('connection', (socket) => {
  socket.on('watch', async (body: { lotId?: string }, ack: (a: { ok: boolean; replayed: number }) => void) => {
    await socket.join(`lot:${body?.lotId}`);
    ack({ ok: true, replayed: 0 });
  });
});
http.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => {
  io.close();
  pub.disconnect();
  sub.disconnect();
  process.exit(0);
});
