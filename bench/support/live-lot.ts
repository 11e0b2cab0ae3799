import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { TokenService } from '../../libs/platform/src/auth/token.service';
import { loadConfig } from '../../libs/platform/src/config/app-config';
import { LIVE_LOT_START_YUAN, LIVE_LOT_STEP_YUAN } from './live-lot-prices';


/**
 * A 挂牌 lot live for an hour with `bidders` admitted bidders (accounts with the bidder role, paddles 1001…), written by
 * SQL as bench/hot-lot.ts does; returns the lot and one access token per bidder, issued as the api issues them.
 */
export async function liveLot(ds: DataSource, bidders: number, tag: string): Promise<{ lotId: string; tokens: string[] }> {
  const tokens = new TokenService(new JwtService(), loadConfig({ ...process.env, NODE_ENV: 'test' }));
  const [owner] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, '91350199999999997X', '张', '李', '13800000000') RETURNING id`, [`出让人-${tag}`]);
  const [acct] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, 'o', 'x', $2) RETURNING id`, [`bench-owner-${tag}`, owner.id]);
  const [project] = await ds.query(`INSERT INTO trading_project (code, domain, name, region, owner_organisation_id, created_by) VALUES ($1, 'land', '竞价地块', '350102', $2, $3) RETURNING id`, [`TD-${tag}`, owner.id, acct.id]);
  const [lot] = await ds.query(
    `INSERT INTO lot (project_id, domain, title, start_price_fen, increment, phase, countdown_seconds, starts_at, ends_at)
     VALUES ($1, 'bench', '竞价地块', $2, $3, 'listing', 60, now(), now() + interval '1 hour') RETURNING id`,
    [project.id, String(LIVE_LOT_START_YUAN * 100), JSON.stringify({ fixedFen: String(LIVE_LOT_STEP_YUAN * 100) })],
  );
  const out: string[] = [];
  for (let i = 0; i < bidders; i++) {
    const [org] = await ds.query(`INSERT INTO organisation (name, uscc, legal_representative, contact_name, contact_phone) VALUES ($1, $2, '张', '李', '13800000000') RETURNING id`, [`竞买人-${tag}-${i}`, `9135020000${String(i).padStart(7, '0')}X`]);
    const [a] = await ds.query(`INSERT INTO account (username, display_name, password_hash, organisation_id) VALUES ($1, $1, 'x', $2) RETURNING id`, [`bench-${tag}-${i}`, org.id]);
    await ds.query(`INSERT INTO account_role (account_id, role) VALUES ($1, 'bidder')`, [a.id]);
    await ds.query(`INSERT INTO lot_bidder (lot_id, paddle, organisation_id) VALUES ($1, $2, $3)`, [lot.id, 1001 + i, org.id]);
    out.push(tokens.issue(a.id).accessToken);
  }
  return { lotId: lot.id, tokens: out };
}
