import type { PolicyDocument } from '@ratify/document';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A model policy a publisher offers to every organisation. */
@Entity({ name: 'template' })
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'publisher_id', type: 'uuid' })
  publisherId!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'boolean' })
  statutory!: boolean;

  @Column({ type: 'text', nullable: true })
  summary!: string | null;

  /** The publisher's own policy that new releases are taken from. */
  @Column({ name: 'source_policy_id', type: 'uuid', nullable: true })
  sourcePolicyId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** An immutable release of a template: the text organisations clone and later merge from. */
@Entity({ name: 'template_version' })
export class TemplateVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'publisher_id', type: 'uuid' })
  publisherId!: string;

  @Column({ name: 'template_id', type: 'uuid' })
  templateId!: string;

  @Column({ type: 'integer' })
  major!: number;

  @Column({ type: 'integer' })
  minor!: number;

  @Column({ type: 'jsonb' })
  content!: PolicyDocument;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'released_on', type: 'date' })
  releasedOn!: string;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  get number(): string {
    return `${this.major}.${this.minor}`;
  }
}
