import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface ExpertSeed {
  specialty: string;
  employerUscc?: string;
  region?: string;
  status?: 'active' | 'suspended' | 'retired';
  suspendedUntil?: string;
  accountId?: string | null;
}

let n = 0;

/** Inserts experts straight into the library (the draw tests need exact pools, not the import path). */
export async function insertExperts(ds: DataSource, count: number, seed: ExpertSeed): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    n++;
    const [row] = await ds.query(
      `INSERT INTO expert (name, id_number_sealed, id_number_index, id_number_masked, phone, employer_uscc, employer_name, region, title, status, suspended_until, account_id)
       VALUES ($1, '\\x00', $2, '110101********0000', $3, $4, '某设计研究院', $5, '高级工程师', $6, $7, $8) RETURNING id::text`,
      [
        `专家${n}号`,
        randomBytes(32).toString('hex'),
        `139${String(n).padStart(8, '0')}`,
        seed.employerUscc ?? '91320100MA1XXXXX0X'.slice(0, 18),
        seed.region ?? '320105',
        seed.status ?? 'active',
        seed.suspendedUntil ?? null,
        seed.accountId ?? null,
      ],
    );
    await ds.query(`INSERT INTO expert_specialty (expert_id, specialty_code) VALUES ($1, $2)`, [row.id, seed.specialty]);
    ids.push(row.id);
  }
  return ids;
}

export async function insertSpecialties(ds: DataSource, codes: string[]): Promise<void> {
  for (const code of codes) {
    const parent = code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null;
    await ds.query(`INSERT INTO specialty (code, parent_code, name_zh, name_en) VALUES ($1, $2, $3, $3) ON CONFLICT DO NOTHING`, [code, parent, `测试专业 ${code}`]);
  }
}
