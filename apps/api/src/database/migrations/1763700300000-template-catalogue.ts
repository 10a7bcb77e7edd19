import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The template catalogue: publishers' approved policies, copied as immutable template versions
 * that every organisation may read and clone. The one deliberate crossing of tenant lines, and
 * read-only: row-level security lets anyone SELECT but only the publisher itself write
 * (publisher_id = the caller's tenant). A policy records the template version it was cloned
 * from; its clauses keep the template's clause ids (the lineage).
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class TemplateCatalogue1763700300000 implements MigrationInterface {
  name = 'TemplateCatalogue1763700300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE template (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        publisher_id uuid NOT NULL,
        slug text NOT NULL,
        title text NOT NULL,
        statutory boolean NOT NULL DEFAULT false,
        summary text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT template_pk PRIMARY KEY (id),
        CONSTRAINT template_publisher_fk FOREIGN KEY (publisher_id) REFERENCES organisation (id),
        CONSTRAINT template_publisher_id_unique UNIQUE (publisher_id, id),
        CONSTRAINT template_slug_unique UNIQUE (publisher_id, slug),
        CONSTRAINT template_title_not_blank CHECK (length(trim(title)) > 0)
      )`);
    await db.query(`
      CREATE TABLE template_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        publisher_id uuid NOT NULL,
        template_id uuid NOT NULL,
        major integer NOT NULL,
        minor integer NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        released_on date NOT NULL,
        change_summary text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT template_version_pk PRIMARY KEY (id),
        CONSTRAINT template_version_template_fk FOREIGN KEY (publisher_id, template_id) REFERENCES template (publisher_id, id),
        CONSTRAINT template_version_number_unique UNIQUE (template_id, major, minor),
        CONSTRAINT template_version_number_valid CHECK (major >= 0 AND minor >= 0)
      )`);
    for (const table of ['template', 'template_version']) {
      await db.query(`CREATE INDEX ${table}_publisher_idx ON ${table} (publisher_id)`);
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_catalogue_read ON ${table} FOR SELECT USING (true)`);
      await db.query(`CREATE POLICY ${table}_publisher_insert ON ${table} FOR INSERT WITH CHECK (publisher_id = ${TENANT})`);
      await db.query(`CREATE POLICY ${table}_publisher_update ON ${table} FOR UPDATE USING (publisher_id = ${TENANT}) WITH CHECK (publisher_id = ${TENANT})`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON template TO ratify_runtime`);
    // Template versions are snapshots: added, never changed.
    await db.query(`GRANT SELECT, INSERT ON template_version TO ratify_runtime`);
    await db.query(`ALTER TABLE policy ADD COLUMN upstream_template_version_id uuid NULL,
      ADD CONSTRAINT policy_upstream_template_version_fk FOREIGN KEY (upstream_template_version_id) REFERENCES template_version (id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE policy DROP CONSTRAINT policy_upstream_template_version_fk, DROP COLUMN upstream_template_version_id`);
    await db.query(`DROP TABLE template_version`);
    await db.query(`DROP TABLE template`);
  }
}
