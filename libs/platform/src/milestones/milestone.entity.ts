import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type MilestoneStatus = 'pending' | 'fired' | 'cancelled' | 'paused';

/** A timed step (a bid deadline, a listing's end, a countdown). The row is the truth; the BullMQ job only wakes the worker. */
@Entity('milestone')
export class Milestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  kind: string;

  @Column()
  subjectType: string;

  @Column()
  subjectId: string;

  @Column({ type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'text' })
  status: MilestoneStatus;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'bigint', nullable: true })
  pausedRemainingMs: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
