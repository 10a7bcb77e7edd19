import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One clause of one version as plain text, for full-text search (the tsvector is generated). */
@Entity({ name: 'policy_clause' })
export class PolicyClauseEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId!: string;

  @PrimaryColumn({ name: 'clause_id', type: 'text' })
  clauseId!: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'section_heading', type: 'text' })
  sectionHeading!: string;

  @Column({ type: 'text' })
  text!: string;
}
