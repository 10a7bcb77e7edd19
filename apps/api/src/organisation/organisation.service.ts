import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import type { ActiveMembership } from '../common/request-context';
import { OrganisationEntity } from './organisation.entity';

/** Reads the organisation directory (a global table of public facts). */
@Injectable()
export class OrganisationService {
  constructor(private readonly dataSource: DataSource) {}

  load(id: string): Promise<OrganisationEntity> {
    return requestLoader<string, OrganisationEntity>('organisation.byId', async (ids) => {
      const rows = await this.dataSource.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
      return byKey(ids, rows, (row) => row.id, () => new Error('organisation missing'));
    }).load(id);
  }

  bySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ slug });
  }

  byId(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  /** One of the tenant's own academies, or NOT_FOUND (the same answer for another trust's school). */
  async schoolOf(tenantId: string, schoolId: string): Promise<OrganisationEntity> {
    const school = await this.byId(parseId(schoolId, 'School'));
    if (!school || school.parentId !== tenantId) throw AppError.notFound('School');
    return school;
  }

  /**
   * The place whose settings (term dates, branding …) the caller wants to change: null for the
   * trust's own (its admins only), or one of its academies (its admins, or that academy's staff).
   */
  async editablePlace(membership: ActiveMembership, schoolId: string | null | undefined, what: string): Promise<OrganisationEntity | null> {
    if (!schoolId) {
      if (membership.role !== 'admin') throw new AppError(ErrorCode.FORBIDDEN, `Only the trust's admins can change the trust's ${what}.`);
      return null;
    }
    const school = await this.schoolOf(membership.organisationId, schoolId);
    if (!maySpeakForSchool(membership, school.id)) throw new AppError(ErrorCode.FORBIDDEN, `Only the trust's admins or the academy's staff can change its ${what}.`);
    return school;
  }

  schoolsOf(trustId: string): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ where: { parentId: trustId }, order: { name: 'ASC' } });
  }
}

/** Who may change a school's own details and copy: the trust's admins, or that school's staff. */
export function maySpeakForSchool(membership: ActiveMembership, schoolId: string): boolean {
  return membership.role === 'admin' || (membership.schoolId === schoolId && ['publisher', 'author'].includes(membership.role));
}
