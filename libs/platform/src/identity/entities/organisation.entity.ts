import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('organisation')
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  /** 统一社会信用代码 (GB 32100-2015), 18 characters, check digit verified */
  @Column({ unique: true })
  uscc: string;

  @Column()
  legalRepresentative: string;

  @Column()
  contactName: string;

  @Column()
  contactPhone: string;

  @Column({ type: 'text', nullable: true })
  region: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
