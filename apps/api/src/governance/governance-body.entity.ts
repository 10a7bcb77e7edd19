import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type GovernanceBodyKind = 'board' | 'committee' | 'local_governing_body';

/** A board, committee or local governing body, under the organisation's own name for it. */
@Entity({ name: 'governance_body' })
export class GovernanceBodyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId!: string | null;

  @Column({ type: 'text' })
  kind!: GovernanceBodyKind;

  @Column({ type: 'text' })
  name!: string;
}
