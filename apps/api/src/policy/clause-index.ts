import { listClauses, type PolicyDocument } from '@ratify/document';
import type { EntityManager } from 'typeorm';

/** Replaces a version's rows in the search index with its current clauses (same transaction as the write). */
export async function indexClauses(
  manager: EntityManager,
  version: { organisationId: string; id: string; policyId: string; content: PolicyDocument },
): Promise<void> {
  await manager.query(`DELETE FROM policy_clause WHERE organisation_id = $1 AND version_id = $2`, [version.organisationId, version.id]);
  const clauses = listClauses(version.content);
  if (clauses.length === 0) return;
  const values: unknown[] = [];
  const rows = clauses.map((clause, index) => {
    values.push(version.organisationId, version.id, version.policyId, clause.clauseId, index + 1, clause.sectionHeading, clause.text);
    const at = index * 7;
    return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7})`;
  });
  await manager.query(
    `INSERT INTO policy_clause (organisation_id, version_id, policy_id, clause_id, position, section_heading, text) VALUES ${rows.join(', ')}`,
    values,
  );
}
