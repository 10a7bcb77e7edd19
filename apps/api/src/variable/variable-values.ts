import { resolveVariableValues, type VariableSource } from '@ratify/document';
import type { EntityManager } from 'typeorm';
import type { OrganisationEntity } from '../organisation/organisation.entity';

/**
 * The variable values a copy renders with, for the trust itself (school null) or one school:
 * the school's own, else the trust's, else what Ratify knows (names). Runs in the caller's
 * transaction (tenant already set): used by the API and by the public pages.
 */
export async function variableValuesFor(
  manager: EntityManager,
  trust: OrganisationEntity,
  school: OrganisationEntity | null,
): Promise<Record<string, { value: string; source: VariableSource }>> {
  const rows: { school_id: string | null; key: string; value: string }[] = await manager.query(
    `SELECT school_id, key, value FROM variable_value WHERE organisation_id = $1 AND (school_id IS NULL OR school_id = $2)`,
    [trust.id, school?.id ?? null],
  );
  const layer = (schoolId: string | null) => Object.fromEntries(rows.filter((row) => row.school_id === schoolId).map((row) => [row.key, row.value]));
  return resolveVariableValues({
    trust: layer(null),
    school: school ? layer(school.id) : undefined,
    defaults: { 'trust.name': trust.name, ...(school ? { 'school.name': school.name } : {}) },
  });
}

export function plainValues(resolved: Record<string, { value: string }>): Record<string, string> {
  return Object.fromEntries(Object.entries(resolved).map(([key, entry]) => [key, entry.value]));
}
