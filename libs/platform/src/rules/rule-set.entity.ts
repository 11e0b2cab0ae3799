import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TradingDomain } from '../auth/roles';
import { RuleParams } from './rule-params';

export type RuleSetStatus = 'draft' | 'active' | 'retired';

/** One version of the committee's rules for one domain. Published versions are never edited. */
@Entity('rule_set')
export class RuleSet {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) domain: TradingDomain;
  @Column({ type: 'int' }) version: number;
  @Column() name: string;
  @Column({ type: 'text' }) status: RuleSetStatus;
  @Column() isSandbox: boolean;
  @Column({ type: 'jsonb' }) params: RuleParams;
  @Column({ type: 'uuid', nullable: true }) basedOn: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
