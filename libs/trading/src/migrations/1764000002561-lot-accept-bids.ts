import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live engine's acceptance as one function over a batch of bids queued on one lot, in their order of arrival:
 * the lot row is locked once, each bid is the same conditional UPDATE the engine always ran (open phase, after the
 * start and before the end by the database clock, not frozen, project not suspended, a paddle allowed in the phase,
 * at or above the lowest valid price, on the grid when the lot asks it, from an enabled bidder account of the
 * organisation), and an accepted bid writes its lot_bid row and feed event. One round trip for the whole batch.
 * Outcome per bid: 'accepted', 'duplicate' (the client key already bid: the caller answers with that bid), 'low'
 * (open, and below `r_minimum_fen`, the lowest valid price at that point), or 'other' (the caller asks why).
 */
export class LotAcceptBids1764000002561 implements MigrationInterface {
  name = 'LotAcceptBids1764000002561';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION lot_accept_bids(p_lot uuid, p_prices bigint[], p_paddles int[], p_keys text[], p_orgs uuid[], p_accounts uuid[])
      RETURNS TABLE (r_index int, r_outcome text, r_bid_seq int, r_event_seq int, r_version int, r_ends_at timestamptz, r_phase text, r_accepted_at timestamptz, r_minimum_fen bigint)
      LANGUAGE plpgsql AS $$
      DECLARE
        u record;
        i int;
      BEGIN
        PERFORM 1 FROM lot WHERE id = p_lot FOR UPDATE;
        FOR i IN 1 .. coalesce(array_length(p_prices, 1), 0) LOOP
          r_index := i; r_bid_seq := NULL; r_event_seq := NULL; r_version := NULL; r_ends_at := NULL; r_phase := NULL; r_accepted_at := NULL; r_minimum_fen := NULL;
          IF EXISTS (SELECT 1 FROM lot_bid b WHERE b.lot_id = p_lot AND b.organisation_id = p_orgs[i] AND b.client_key = p_keys[i]) THEN
            r_outcome := 'duplicate';
            RETURN NEXT;
            CONTINUE;
          END IF;
          UPDATE lot l SET current_price_fen = p_prices[i], leader_paddle = p_paddles[i], bid_seq = l.bid_seq + 1, event_seq = l.event_seq + 1, version = l.version + 1,
                 ends_at = CASE WHEN l.phase = 'live' THEN greatest(l.ends_at, now() + make_interval(secs => l.countdown_seconds)) ELSE l.ends_at END
           WHERE l.id = p_lot AND l.phase IN ('listing','live') AND l.suspended_at IS NULL AND now() >= l.starts_at AND now() < l.ends_at
             AND (l.phase = 'listing' OR l.live_paddles IS NULL OR p_paddles[i] = ANY(l.live_paddles))
             AND p_prices[i] >= CASE WHEN l.current_price_fen IS NULL THEN l.start_price_fen ELSE l.current_price_fen + lot_step(l.increment, l.current_price_fen) END
             AND (NOT l.bids_on_grid OR lot_on_grid(l.increment, l.start_price_fen, p_prices[i]))
             AND NOT EXISTS (SELECT 1 FROM trading_project p WHERE p.id = l.project_id AND p.status = 'suspended')
             AND EXISTS (SELECT 1 FROM account a JOIN account_role r ON r.account_id = a.id AND r.role = 'bidder'
                          WHERE a.id = p_accounts[i] AND a.disabled_at IS NULL AND a.organisation_id = p_orgs[i])
          RETURNING l.bid_seq, l.event_seq, l.version, l.ends_at, l.phase INTO u;
          IF FOUND THEN
            INSERT INTO lot_bid (lot_id, seq, paddle, price_fen, phase, client_key, organisation_id, account_id, ends_at)
              VALUES (p_lot, u.bid_seq, p_paddles[i], p_prices[i], u.phase, p_keys[i], p_orgs[i], p_accounts[i], u.ends_at)
              RETURNING accepted_at INTO r_accepted_at;
            INSERT INTO lot_event (lot_id, seq, kind, payload)
              VALUES (p_lot, u.event_seq, 'bid', jsonb_build_object('bidSeq', u.bid_seq, 'paddle', p_paddles[i], 'priceFen', p_prices[i]::text, 'endsAt', u.ends_at, 'phase', u.phase));
            r_outcome := 'accepted'; r_bid_seq := u.bid_seq; r_event_seq := u.event_seq; r_version := u.version; r_ends_at := u.ends_at; r_phase := u.phase;
          ELSE
            SELECT CASE WHEN l.phase IN ('listing','live') AND l.suspended_at IS NULL AND now() >= l.starts_at AND now() < l.ends_at
                         AND p_prices[i] < m.fen THEN 'low' ELSE 'other' END, m.fen
              INTO r_outcome, r_minimum_fen
              FROM lot l, LATERAL (SELECT CASE WHEN l.current_price_fen IS NULL THEN l.start_price_fen ELSE l.current_price_fen + lot_step(l.increment, l.current_price_fen) END AS fen) m
             WHERE l.id = p_lot;
          END IF;
          RETURN NEXT;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION lot_accept_bids(uuid, bigint[], int[], text[], uuid[], uuid[])`);
  }
}
