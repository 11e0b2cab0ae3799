import { useEffect, useRef, useState } from 'react';
import { io, Socket } from 'socket.io-client';
import { api } from './api/client';
import { LotEvent, PublicLot } from './api/types';
import { fenToYuan } from './format';

export interface FeedLine {
  seq: number;
  kind: LotEvent['kind'];
  at: string;
  paddle?: number;
  price?: string | null;
  text: string;
}

export interface LiveState {
  lot: PublicLot | undefined;
  feed: FeedLine[];
  /** server time − local time, ms (the countdown is computed against the server's clock) */
  skew: number;
  connected: boolean;
  /** bumps each time an accepted bid moves the end (the countdown reset) */
  resets: number;
  error: unknown;
}

const PHASE_TEXT: Record<string, string> = { listing: '挂牌开始', live: '限时竞价开始', ended: '竞价结束' };
const OUTCOME_TEXT: Record<string, string> = { sold: '成交', unsold: '流拍', reserve_not_met: '未达保留价,不成交', handed_over: '转入后续程序' };

function line(e: LotEvent): FeedLine {
  const p = e.payload as Record<string, unknown>;
  if (e.kind === 'bid') {
    const price = fenToYuan(p.priceFen as string);
    return { seq: e.seq, kind: e.kind, at: e.at, paddle: Number(p.paddle), price, text: `第 ${p.bidSeq} 次出价` };
  }
  if (e.kind === 'result') {
    const outcome = String(p.outcome);
    return { seq: e.seq, kind: e.kind, at: e.at, paddle: p.winnerPaddle ? Number(p.winnerPaddle) : undefined, price: fenToYuan(p.priceFen as string | null), text: OUTCOME_TEXT[outcome] ?? outcome };
  }
  return { seq: e.seq, kind: e.kind, at: e.at, text: PHASE_TEXT[String(p.phase)] ?? String(p.phase) };
}

/**
 * A lot as it happens: the public state over HTTP, then the socket.io feed (`/live`, `watch {lotId, after}`), each
 * event applied once by its `seq`; after a bid or a phase change the state is read again for the next valid price.
 */
export function useLiveLot(lotId: string | undefined): LiveState & { refresh: () => Promise<void> } {
  const [state, setState] = useState<LiveState>({ lot: undefined, feed: [], skew: 0, connected: false, resets: 0, error: null });
  const seen = useRef(new Set<number>());
  const refreshRef = useRef<() => Promise<void>>(async () => {});

  useEffect(() => {
    if (!lotId) return;
    let alive = true;
    seen.current = new Set();
    let socket: Socket | null = null;
    let lastEnd = 0;

    const refresh = async () => {
      const sent = Date.now();
      try {
        const lot = await api.get<PublicLot>(`/public/lots/${lotId}`);
        if (!alive) return;
        const received = Date.now();
        const skew = new Date(lot.serverTime).getTime() - (sent + received) / 2;
        const end = lot.endsAt ? new Date(lot.endsAt).getTime() : 0;
        const reset = lot.phase === 'live' && lastEnd > 0 && end > lastEnd;
        lastEnd = Math.max(lastEnd, end);
        setState((s) => ({ ...s, lot, skew, error: null, resets: s.resets + (reset ? 1 : 0) }));
      } catch (error) {
        if (alive) setState((s) => ({ ...s, error }));
      }
    };
    refreshRef.current = refresh;

    const apply = (events: LotEvent[]) => {
      const fresh = events.filter((e) => !seen.current.has(e.seq));
      if (!fresh.length) return;
      for (const e of fresh) seen.current.add(e.seq);
      setState((s) => {
        const feed = [...s.feed, ...fresh.map(line)].sort((a, b) => b.seq - a.seq);
        let lot = s.lot;
        let resets = s.resets;
        for (const e of fresh.sort((a, b) => a.seq - b.seq)) {
          const p = e.payload as Record<string, unknown>;
          if (!lot) continue;
          if (e.kind === 'bid') {
            const endsAt = String(p.endsAt);
            const end = new Date(endsAt).getTime();
            if (lot.phase === 'live' && end > lastEnd) resets++;
            lastEnd = Math.max(lastEnd, end);
            lot = { ...lot, currentPrice: fenToYuan(p.priceFen as string), leaderPaddle: Number(p.paddle), endsAt, bids: Math.max(lot.bids, Number(p.bidSeq)), lastSeq: Math.max(lot.lastSeq, e.seq) };
          } else if (e.kind === 'phase') {
            lot = { ...lot, phase: p.phase as PublicLot['phase'], endsAt: (p.endsAt as string) ?? lot.endsAt, lastSeq: Math.max(lot.lastSeq, e.seq) };
          } else if (e.kind === 'result') {
            lot = { ...lot, phase: 'ended', outcome: String(p.outcome) as PublicLot['outcome'], winnerPaddle: (p.winnerPaddle as number) ?? null, lastSeq: Math.max(lot.lastSeq, e.seq) };
          }
        }
        return { ...s, feed, lot, resets };
      });
      void refresh();
    };

    (async () => {
      await refresh();
      const history = await api.get<LotEvent[]>(`/public/lots/${lotId}/events`, { after: 0 }).catch(() => [] as LotEvent[]);
      if (!alive) return;
      // History sets the feed without counting resets; live events after it do.
      for (const e of history) seen.current.add(e.seq);
      setState((s) => ({ ...s, feed: history.map(line).sort((a, b) => b.seq - a.seq) }));
      const after = history.length ? Math.max(...history.map((e) => e.seq)) : 0;
      socket = io('/live', { transports: ['websocket'] });
      socket.on('connect', () => {
        setState((s) => ({ ...s, connected: true }));
        const last = seen.current.size ? Math.max(...seen.current) : after;
        socket?.emit('watch', { lotId, after: last });
      });
      socket.on('disconnect', () => setState((s) => ({ ...s, connected: false })));
      socket.on('event', (e: LotEvent) => {
        if (e.lotId === lotId) apply([e]);
      });
    })();

    // A slow poll as a safety net: a dropped socket still converges (events carry seq, so nothing applies twice).
    const poll = setInterval(() => void refresh(), 5000);
    return () => {
      alive = false;
      clearInterval(poll);
      socket?.close();
    };
  }, [lotId]);

  return { ...state, refresh: () => refreshRef.current() };
}

/** Re-renders every `ms` (for countdowns). */
export function useNow(ms = 250): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
