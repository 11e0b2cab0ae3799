import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Role, TradingDomain } from '../../auth/roles';
import { Account } from './account.entity';

@Entity('account_role')
export class AccountRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => Account, (a) => a.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account: Account;

  @Column({ type: 'text' })
  role: Role;

  @Column({ type: 'text', nullable: true })
  domain: TradingDomain | null;

  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  grantedAt: Date;
}
