import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * School variants: the trust's lock level per clause, and each school's overrides of a trust
 * policy (replace / omit / add after, keyed by clause id), recorded against the trust version
 * they were made on so that a new version can carry them forward.
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class SchoolVariants1763700600000 implements MigrationInterface {
  name = 'SchoolVariants1763700600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clause_lock (
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        clause_id text NOT NULL,
        level text NOT NULL,
        CONSTRAINT clause_lock_pk PRIMARY KEY (organisation_id, policy_id, clause_id),
        CONSTRAINT clause_lock_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT clause_lock_level_valid CHECK (level IN ('locked', 'editable', 'school-specific'))
      )`);
    await db.query(`
      CREATE TABLE school_variant (
        organisation_id uuid NOT NULL,
        school_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        based_on_version_id uuid NOT NULL,
        overrides jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT school_variant_pk PRIMARY KEY (organisation_id, school_id, policy_id),
        CONSTRAINT school_variant_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT school_variant_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT school_variant_version_fk FOREIGN KEY (organisation_id, based_on_version_id) REFERENCES policy_version (organisation_id, id),
        CONSTRAINT school_variant_overrides_array CHECK (jsonb_typeof(overrides) = 'array')
      )`);
    for (const table of ['clause_lock', 'school_variant']) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_tenant_isolation ON ${table} USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
      await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ratify_runtime`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE school_variant`);
    await db.query(`DROP TABLE clause_lock`);
  }
}
