/** Variable values for the trust and each of its schools, with who may set which. */
import { Injectable } from '@nestjs/common';
import { VARIABLES, variableDefinition, variableValueProblem } from '@ratify/document';
import { AppError, ErrorCode } from '../common/errors';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import type { OrganisationEntity } from '../organisation/organisation.entity';
import { maySpeakForSchool, OrganisationService } from '../organisation/organisation.service';
import type { VariableValue } from './dto/variable.types';
import { variableValuesFor } from './variable-values';

@Injectable()
export class VariableService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
  ) {}

  private membership() {
    return RequestContext.require().caller!.membership!;
  }

  /** The caller's tenant, and the school named (one of its own academies), or NOT_FOUND. */
  private async scope(schoolId: string | null | undefined): Promise<{ trust: OrganisationEntity; school: OrganisationEntity | null }> {
    const trust = await this.organisations.load(this.membership().organisationId);
    return { trust, school: schoolId ? await this.organisations.schoolOf(trust.id, schoolId) : null };
  }

  async list(schoolId?: string | null): Promise<VariableValue[]> {
    const { trust, school } = await this.scope(schoolId);
    const manager = await this.database.manager();
    const own: { key: string; value: string }[] = await manager.query(
      `SELECT key, value FROM variable_value WHERE organisation_id = $1 AND school_id IS NOT DISTINCT FROM $2`,
      [trust.id, school?.id ?? null],
    );
    const effective = await variableValuesFor(manager, trust, school);
    return VARIABLES.map((variable) => ({
      key: variable.key,
      label: variable.label,
      description: variable.description,
      scope: variable.scope,
      required: variable.required,
      kind: variable.kind,
      value: own.find((row) => row.key === variable.key)?.value ?? null,
      effectiveValue: effective[variable.key]?.value ?? null,
      source: effective[variable.key]?.source ?? null,
    }));
  }

  async set(schoolId: string | null | undefined, values: { key: string; value: string }[]): Promise<VariableValue[]> {
    const { trust, school } = await this.scope(schoolId);
    const membership = this.membership();
    const mayEdit = school ? maySpeakForSchool(membership, school.id) : membership.role === 'admin';
    if (!mayEdit) throw new AppError(ErrorCode.FORBIDDEN, school ? "Only the trust's administrators or this school's staff can change its details." : "Only the trust's administrators can change trust-wide details.");
    const problems: string[] = [];
    for (const { key, value } of values) {
      const definition = variableDefinition(key);
      if (!definition) problems.push(`"${key}" is not a variable Ratify knows.`);
      else if (school && definition.scope === 'trust') problems.push(`${definition.label} is set for the whole trust, not per school.`);
      else {
        const problem = variableValueProblem(definition, value.trim());
        if (problem) problems.push(problem);
      }
    }
    if (problems.length) throw new AppError(ErrorCode.BAD_USER_INPUT, problems[0]!, { problems });
    const manager = await this.database.manager();
    for (const { key, value } of values) {
      const trimmed = value.trim();
      if (!trimmed) {
        await manager.query(`DELETE FROM variable_value WHERE organisation_id = $1 AND school_id IS NOT DISTINCT FROM $2 AND key = $3`, [trust.id, school?.id ?? null, key]);
      } else {
        await manager.query(
          `INSERT INTO variable_value (organisation_id, school_id, key, value) VALUES ($1, $2, $3, $4)
           ON CONFLICT ON CONSTRAINT variable_value_unique DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [trust.id, school?.id ?? null, key, trimmed],
        );
      }
    }
    return this.list(school?.id ?? null);
  }
}
