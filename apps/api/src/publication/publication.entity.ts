import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An approved policy version made public for one academy (schoolId) or for the
 * organisation itself (schoolId null), at /p/{slug}/{policySlug}.
 */
@Entity({ name: 'publication' })
export class PublicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId!: string;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
