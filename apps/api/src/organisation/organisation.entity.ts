import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OrganisationKind = 'trust' | 'school' | 'publisher';
export type NumberingStyle = 'numbered' | 'unnumbered';

/**
 * The directory of organisations: trusts, schools (standalone, or academies of a trust via
 * parentId) and publishers. Public facts only (names, slugs; branding is the tenant's, in `branding`), so it is a global
 * table; everything an organisation owns lives in tenant tables under row-level security.
 */
@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: OrganisationKind;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'numbering_style', type: 'text' })
  numberingStyle!: NumberingStyle;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** The tenant this organisation's data lives under: itself, or its trust for an academy. */
  get tenantId(): string {
    return this.parentId ?? this.id;
  }
}
