import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variable values ({{school.headTitle}} …): trust-wide (school_id null) or one school's own. */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class VariableValues1763700500000 implements MigrationInterface {
  name = 'VariableValues1763700500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE variable_value (
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        key text NOT NULL,
        value text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT variable_value_unique UNIQUE NULLS NOT DISTINCT (organisation_id, school_id, key),
        CONSTRAINT variable_value_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT variable_value_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT variable_value_key_format CHECK (key ~ '^[a-z]+\\.[a-zA-Z]+$'),
        CONSTRAINT variable_value_length CHECK (length(value) BETWEEN 1 AND 300)
      )`);
    await db.query(`CREATE INDEX variable_value_tenant_idx ON variable_value (organisation_id)`);
    await db.query(`ALTER TABLE variable_value ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE variable_value FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY variable_value_tenant_isolation ON variable_value USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON variable_value TO ratify_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE variable_value`);
  }
}
