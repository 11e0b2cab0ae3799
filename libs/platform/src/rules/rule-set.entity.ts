import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TradingDomain } from '../auth/roles';
import { RuleParams } from './rule-spec';

export type RuleSetStatus = 'draft' | 'active' | 'retired';

/** One version of the committee's rules for one domain. Only drafts change (a trigger enforces it). */
@Entity('rule_set')
export class RuleSet {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) domain: TradingDomain;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) status: RuleSetStatus;
  @Column({ type: 'boolean' }) isSandbox: boolean;
  @Column({ type: 'jsonb' }) params: RuleParams;
  /** the version in force this draft was copied from; publishing refuses a draft whose base has been replaced */
  @Column({ type: 'uuid', nullable: true }) basedOn: string | null;
  @Column({ type: 'timestamptz', nullable: true }) effectiveFrom: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ type: 'timestamptz', insert: false, update: false }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}
