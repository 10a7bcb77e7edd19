import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts and search.
 * - A draft has no number yet (it gets one when approved), a revision counter for optimistic
 *   concurrency, and at most one open draft exists per policy.
 * - policy_clause holds each version's clauses as plain text with a tsvector, so search can
 *   answer with the matching clause. Existing versions are indexed here (the table is briefly
 *   not FORCEd so that an owner who is not a superuser can read every tenant's versions).
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class DraftsAndSearch1763700200000 implements MigrationInterface {
  name = 'DraftsAndSearch1763700200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE policy_version ALTER COLUMN major DROP NOT NULL, ALTER COLUMN minor DROP NOT NULL`);
    await db.query(`ALTER TABLE policy_version
      ADD COLUMN revision integer NOT NULL DEFAULT 1,
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN created_by uuid NULL,
      ADD CONSTRAINT policy_version_created_by_fk FOREIGN KEY (created_by) REFERENCES person (id) ON DELETE SET NULL,
      ADD CONSTRAINT policy_version_revision_positive CHECK (revision >= 1),
      ADD CONSTRAINT policy_version_number_complete CHECK ((major IS NULL) = (minor IS NULL)),
      ADD CONSTRAINT policy_version_numbered_once_approved CHECK (status NOT IN ('approved', 'superseded') OR major IS NOT NULL)`);
    await db.query(`CREATE UNIQUE INDEX policy_version_one_open_draft ON policy_version (organisation_id, policy_id) WHERE status = 'draft'`);

    await db.query(`
      CREATE TABLE policy_clause (
        organisation_id uuid NOT NULL,
        version_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        clause_id text NOT NULL,
        position integer NOT NULL,
        section_heading text NOT NULL,
        text text NOT NULL,
        search tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', section_heading), 'A') || to_tsvector('english', text)) STORED,
        CONSTRAINT policy_clause_pk PRIMARY KEY (organisation_id, version_id, clause_id),
        CONSTRAINT policy_clause_version_fk FOREIGN KEY (organisation_id, version_id) REFERENCES policy_version (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT policy_clause_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id)
      )`);
    await db.query(`CREATE INDEX policy_clause_search_idx ON policy_clause USING gin (search)`);
    await db.query(`CREATE INDEX policy_clause_tenant_idx ON policy_clause (organisation_id)`);
    await db.query(`ALTER TABLE policy_clause ENABLE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY policy_clause_tenant_isolation ON policy_clause USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await db.query(`GRANT SELECT, INSERT, DELETE ON policy_clause TO ratify_runtime`);

    // Index the versions that exist already.
    await db.query(`ALTER TABLE policy_version NO FORCE ROW LEVEL SECURITY`);
    await db.query(`
      INSERT INTO policy_clause (organisation_id, version_id, policy_id, clause_id, position, section_heading, text)
      SELECT v.organisation_id, v.id, v.policy_id, clause.value -> 'attrs' ->> 'clauseId',
             (row_number() OVER (PARTITION BY v.id ORDER BY section.ordinality, clause.ordinality))::int,
             coalesce((SELECT string_agg(t #>> '{}', '') FROM jsonb_path_query(section.value -> 'content' -> 0, 'strict $.**.text') AS t), ''),
             coalesce((SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(clause.value, 'strict $.**.text') AS t), '')
        FROM policy_version v
        CROSS JOIN LATERAL jsonb_array_elements(v.content -> 'content') WITH ORDINALITY AS section(value, ordinality)
        CROSS JOIN LATERAL jsonb_array_elements(section.value -> 'content') WITH ORDINALITY AS clause(value, ordinality)
       WHERE clause.value ->> 'type' = 'clause' AND clause.value -> 'attrs' ->> 'clauseId' IS NOT NULL
      ON CONFLICT DO NOTHING`);
    await db.query(`ALTER TABLE policy_version FORCE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE policy_clause FORCE ROW LEVEL SECURITY`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE policy_clause`);
    await db.query(`DROP INDEX policy_version_one_open_draft`);
    await db.query(`DELETE FROM policy_version WHERE major IS NULL`);
    await db.query(`ALTER TABLE policy_version
      DROP CONSTRAINT policy_version_numbered_once_approved,
      DROP CONSTRAINT policy_version_number_complete,
      DROP CONSTRAINT policy_version_revision_positive,
      DROP CONSTRAINT policy_version_created_by_fk,
      DROP COLUMN created_by, DROP COLUMN updated_at, DROP COLUMN revision`);
    await db.query(`ALTER TABLE policy_version ALTER COLUMN major SET NOT NULL, ALTER COLUMN minor SET NOT NULL`);
  }
}
