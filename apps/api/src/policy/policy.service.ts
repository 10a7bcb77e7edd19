/**
 * Reading policies. Every query carries the caller's organisation explicitly and runs in the
 * request's tenant transaction, so row-level security backs up the WHERE clause.
 */
import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { AppError } from '../common/errors';
import { parseId } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { PolicyVersionEntity } from './policy-version.entity';
import { PolicyEntity } from './policy.entity';

@Injectable()
export class PolicyService {
  constructor(private readonly database: Database) {}

  private organisationId(): string {
    const membership = RequestContext.require().caller?.membership;
    if (!membership) throw AppError.notFound('Policy');
    return membership.organisationId;
  }

  async list(): Promise<PolicyEntity[]> {
    const manager = await this.database.manager();
    return manager.find(PolicyEntity, {
      where: { organisationId: this.organisationId(), deletedAt: IsNull() },
      order: { title: 'ASC', id: 'ASC' },
      take: 500,
    });
  }

  async get(id: string): Promise<PolicyEntity> {
    const policyId = parseId(id, 'Policy');
    const manager = await this.database.manager();
    const policy = await manager.findOneBy(PolicyEntity, { id: policyId, organisationId: this.organisationId(), deletedAt: IsNull() });
    if (!policy) throw AppError.notFound('Policy');
    return policy;
  }

  /** A policy of the caller's organisation by id, batched. */
  load(id: string): Promise<PolicyEntity> {
    return requestLoader<string, PolicyEntity>('policy.byId', async (ids) => {
      const manager = await this.database.manager();
      const rows = await manager.findBy(PolicyEntity, { id: In([...ids]), organisationId: this.organisationId() });
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Policy'));
    }).load(id);
  }

  /** A version of the caller's organisation by id, batched. */
  loadVersion(id: string): Promise<PolicyVersionEntity> {
    return requestLoader<string, PolicyVersionEntity>('policyVersion.byId', async (ids) => {
      const manager = await this.database.manager();
      const rows = await manager.findBy(PolicyVersionEntity, { id: In([...ids]), organisationId: this.organisationId() });
      return byKey(ids, rows, (row) => row.id, () => AppError.notFound('Version'));
    }).load(id);
  }

  /** The open draft of each policy, batched. */
  openDraft(policyId: string): Promise<PolicyVersionEntity | null> {
    return requestLoader<string, PolicyVersionEntity | null>('policy.openDraft', async (policyIds) => {
      const manager = await this.database.manager();
      const rows = await manager.findBy(PolicyVersionEntity, { policyId: In([...policyIds]), organisationId: this.organisationId(), status: 'draft' });
      return byKey<string, PolicyVersionEntity | null>(policyIds, rows, (row) => row!.policyId, () => null);
    }).load(policyId);
  }

  /**
   * The version in force: the newest approved one; for a policy never approved, its newest draft.
   * Batched: one statement for all the policies on a page.
   */
  currentVersion(policyId: string): Promise<PolicyVersionEntity | null> {
    return requestLoader<string, PolicyVersionEntity | null>('policy.currentVersion', async (policyIds) => {
      const manager = await this.database.manager();
      const versions = await manager
        .createQueryBuilder(PolicyVersionEntity, 'version')
        .distinctOn(['version.policyId'])
        .where({ policyId: In([...policyIds]), organisationId: this.organisationId() })
        .orderBy('version.policyId')
        .addOrderBy(`version.status = 'approved'`, 'DESC')
        .addOrderBy('version.major', 'DESC')
        .addOrderBy('version.minor', 'DESC')
        .getMany();
      return byKey<string, PolicyVersionEntity | null>(policyIds, versions, (version) => version!.policyId, () => null);
    }).load(policyId);
  }
}
