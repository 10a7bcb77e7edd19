import type { PolicyDocument } from '@ratify/document';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type VersionStatus = 'draft' | 'in_approval' | 'approved' | 'superseded';

/** A snapshot of a policy's text and its approval facts. */
@Entity({ name: 'policy_version' })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ type: 'integer' })
  major!: number;

  @Column({ type: 'integer' })
  minor!: number;

  @Column({ type: 'text' })
  status!: VersionStatus;

  @Column({ type: 'jsonb' })
  content!: PolicyDocument;

  /** SHA-256 of the canonical JSON of `content`. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary!: string | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'approved_by_body_id', type: 'uuid', nullable: true })
  approvedByBodyId!: string | null;

  @Column({ name: 'next_review_on', type: 'date', nullable: true })
  nextReviewOn!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  get number(): string {
    return `${this.major}.${this.minor}`;
  }
}
