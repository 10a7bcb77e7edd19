import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { byKey, requestLoader } from '../common/loaders';
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

  schoolsOf(trustId: string): Promise<OrganisationEntity[]> {
    return this.dataSource.getRepository(OrganisationEntity).find({ where: { parentId: trustId }, order: { name: 'ASC' } });
  }
}
