import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One policy of an organisation through its whole life; its text lives in versions. */
@Entity({ name: 'policy' })
export class PolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  statutory!: boolean;

  /** The role that owns the policy, as the cover says it ("Operations Lead"). */
  @Column({ name: 'owner_title', type: 'text', nullable: true })
  ownerTitle!: string | null;

  @Column({ name: 'monitoring_body_id', type: 'uuid', nullable: true })
  monitoringBodyId!: string | null;

  @Column({ name: 'review_cycle_months', type: 'integer', nullable: true })
  reviewCycleMonths!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
