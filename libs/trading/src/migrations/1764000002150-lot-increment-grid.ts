import { MigrationInterface, QueryRunner } from 'typeorm';

export class LotIncrementGrid1764000002150 implements MigrationInterface {
  name = 'LotIncrementGrid1764000002150';

  // Whether a lot's bids must sit on its increment grid (the domain's rule, frozen when the lot is created), and the
  // grid itself: g₀ = start, gₙ₊₁ = gₙ + lot_step(gₙ). The TypeScript twin is libs/trading/src/live/rules/increment-grid.ts.
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot ADD COLUMN bids_on_grid boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE FUNCTION lot_on_grid(increment jsonb, start bigint, price bigint) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
      DECLARE
        g bigint := start;
        step bigint;
        lim bigint;
      BEGIN
        IF price <= start THEN RETURN price = start; END IF;
        LOOP
          step := lot_step(increment, g);
          IF step IS NULL OR step <= 0 THEN RETURN false; END IF;
          lim := CASE WHEN increment ? 'fixedFen' THEN NULL
                      ELSE (SELECT min((b->>'fromFen')::bigint) FROM jsonb_array_elements(increment->'ladder') b WHERE (b->>'fromFen')::bigint > g) END;
          IF lim IS NULL OR price < lim THEN RETURN (price - g) % step = 0; END IF;
          g := g + ((lim - g + step - 1) / step) * step;
          IF g >= price THEN RETURN g = price; END IF;
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION lot_on_grid`);
    await q.query(`ALTER TABLE lot DROP COLUMN bids_on_grid`);
  }
}
