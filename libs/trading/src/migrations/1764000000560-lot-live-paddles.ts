import { MigrationInterface, QueryRunner } from 'typeorm';

export class LotLivePaddles1764000000560 implements MigrationInterface {
  name = 'LotLivePaddles1764000000560';

  // 限时竞价 may be open to some paddles only (land: those who declared they would keep bidding); NULL = every paddle.
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot ADD COLUMN live_paddles int[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lot DROP COLUMN live_paddles`);
  }
}
