import { MigrationInterface, QueryRunner } from 'typeorm';

/** 电子保函 are released, not refunded: a status and a time of their own (rules/deposit-state.ts). */
export class TenderDepositReleased1764000002310 implements MigrationInterface {
  name = 'TenderDepositReleased1764000002310';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_deposit DROP CONSTRAINT tender_deposit_status_check`);
    await q.query(`ALTER TABLE tender_deposit ADD CONSTRAINT tender_deposit_status_check CHECK (status IN ('declared','confirmed','refunded','released'))`);
    await q.query(`ALTER TABLE tender_deposit ADD COLUMN released_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE tender_deposit DROP COLUMN released_at`);
    await q.query(`ALTER TABLE tender_deposit DROP CONSTRAINT tender_deposit_status_check`);
    await q.query(`ALTER TABLE tender_deposit ADD CONSTRAINT tender_deposit_status_check CHECK (status IN ('declared','confirmed','refunded'))`);
  }
}
