import type { PolicyDocument } from '@ratify/document';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type VersionStatus = 'draft' | 'in_approval' | 'approved' | 'superseded';

/** Why a version's text changed, as a policy's history table records it. */
export const CHANGE_ORIGINS = ['legislation-or-guidance', 'model-provider-update', 'trust-decision', 'audit-finding', 'school-request', 'editorial'] as const;
export type ChangeOrigin = (typeof CHANGE_ORIGINS)[number];

/** A snapshot of a policy's text and its approval facts. */
@Entity({ name: 'policy_version' })
export class PolicyVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  /** Null while a draft: a version is numbered when it is approved. */
  @Column({ type: 'integer', nullable: true })
  major!: number | null;

  @Column({ type: 'integer', nullable: true })
  minor!: number | null;

  /** Optimistic-concurrency counter: every save of a draft adds one. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'text' })
  status!: VersionStatus;

  @Column({ type: 'jsonb' })
  content!: PolicyDocument;

  /** SHA-256 of the canonical JSON of `content`. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary!: string | null;

  /** Why the text changed (the governance list of origins), e.g. 'model-provider-update'. */
  @Column({ name: 'change_origin', type: 'text', nullable: true })
  changeOrigin!: ChangeOrigin | null;

  /** The template release this text is based on, if any (cloned from it, or merged with it); its clauses keep the template's ids. */
  @Column({ name: 'upstream_template_version_id', type: 'uuid', nullable: true })
  upstreamTemplateVersionId!: string | null;

  /** Major or minor, as the author said when submitting it. */
  @Column({ name: 'change_kind', type: 'text', nullable: true })
  changeKind!: 'major' | 'minor' | null;

  @Column({ name: 'approved_on', type: 'date', nullable: true })
  approvedOn!: string | null;

  @Column({ name: 'approved_by_body_id', type: 'uuid', nullable: true })
  approvedByBodyId!: string | null;

  @Column({ name: 'effective_on', type: 'date', nullable: true })
  effectiveOn!: string | null;

  /** The approval request that approved it. */
  @Column({ name: 'approval_request_id', type: 'uuid', nullable: true })
  approvalRequestId!: string | null;

  @Column({ name: 'next_review_on', type: 'date', nullable: true })
  nextReviewOn!: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  get number(): string | null {
    return this.major === null || this.minor === null ? null : `${this.major}.${this.minor}`;
  }
}
