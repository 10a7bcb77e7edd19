import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each organisation's own words ("Governing Body" → "Trust"), proposed when it clones a model policy. */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class OrganisationTerminology1763700400000 implements MigrationInterface {
  name = 'OrganisationTerminology1763700400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_term (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        position integer NOT NULL,
        term_from text NOT NULL,
        term_to text NOT NULL,
        CONSTRAINT organisation_term_pk PRIMARY KEY (id),
        CONSTRAINT organisation_term_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT organisation_term_from_unique UNIQUE (organisation_id, term_from),
        CONSTRAINT organisation_term_lengths CHECK (length(term_from) BETWEEN 1 AND 100 AND length(term_to) <= 100)
      )`);
    await db.query(`CREATE INDEX organisation_term_tenant_idx ON organisation_term (organisation_id)`);
    await db.query(`ALTER TABLE organisation_term ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE organisation_term FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY organisation_term_tenant_isolation ON organisation_term USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON organisation_term TO ratify_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organisation_term`);
  }
}
