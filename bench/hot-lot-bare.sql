-- The bare transaction issue 19 compares the live engine with: lock the lot row, insert the bid, update the lot.
-- Run by bench/hot-lot.ts through pgbench on the bench database's own lot and lot_bid tables (same indexes,
-- constraints and foreign keys), one bidder paddle, -D lot=<uuid> org=<uuid> acct=<uuid>.
BEGIN;
SELECT bid_seq + 1 AS seq, coalesce(current_price_fen + 10000, start_price_fen) AS price FROM lot WHERE id = ':lot' FOR UPDATE \gset
INSERT INTO lot_bid (lot_id, seq, paddle, price_fen, phase, client_key, organisation_id, account_id, ends_at)
  VALUES (':lot', :seq, 1001, :price, 'listing', 'pgbench-' || :seq, ':org', ':acct', now() + interval '1 hour');
UPDATE lot SET current_price_fen = :price, leader_paddle = 1001, bid_seq = :seq, version = version + 1 WHERE id = ':lot';
END;
