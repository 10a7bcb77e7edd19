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

  @Column({ name: 'policy_type_key', type: 'text', nullable: true })
  policyTypeKey!: string | null;

  @Column({ name: 'review_on_statutory_change', type: 'boolean', default: false })
  reviewOnStatutoryChange!: boolean;

  /** The live review schedule (see review/): the next review date, and the term when it was chosen as one. */
  @Column({ name: 'next_review_on', type: 'date', nullable: true })
  nextReviewOn!: string | null;

  @Column({ name: 'next_review_year', type: 'integer', nullable: true })
  nextReviewYear!: number | null;

  @Column({ name: 'next_review_term', type: 'text', nullable: true })
  nextReviewTerm!: string | null;

  /** The membership that owns the policy and gets its review reminders. */
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
