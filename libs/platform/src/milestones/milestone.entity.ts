import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Counting } from '../calendar/working-time';

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

  /** plain ms, or working-time ms when `counting` is 'working' */
  @Column({ type: 'bigint', nullable: true })
  pausedRemainingMs: string | null;

  /** how a pause keeps what is left: plain time, or the working time of a period counted in working days */
  @Column({ type: 'text', default: 'elapsed' })
  counting: Counting;

  @Column({ type: 'timestamptz', nullable: true })
  firedAt: Date | null;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** after a failed attempt: not claimed again before this (backoff) */
  @Column({ type: 'timestamptz', nullable: true })
  retryAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
