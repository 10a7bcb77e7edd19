import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Upstream updates. Lineage moves from the policy to each version: a version records the
 * template release its text is based on, so a draft that merged a new release says so while the
 * approved version still says which release it was approved on. A version records the origin of
 * its change (the governance list: "model provider update" and the rest). A template records the
 * publisher's policy it is released from, so a publisher releases new versions from its own
 * approved text.
 */
const ORIGINS = ['legislation-or-guidance', 'model-provider-update', 'trust-decision', 'audit-finding', 'school-request', 'editorial'];

export class UpstreamUpdates1763700700000 implements MigrationInterface {
  name = 'UpstreamUpdates1763700700000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE policy_version
      ADD COLUMN upstream_template_version_id uuid NULL,
      ADD COLUMN change_origin text NULL,
      ADD CONSTRAINT policy_version_upstream_template_version_fk FOREIGN KEY (upstream_template_version_id) REFERENCES template_version (id),
      ADD CONSTRAINT policy_version_change_origin_valid CHECK (change_origin IN (${ORIGINS.map((origin) => `'${origin}'`).join(', ')}))`);
    await db.query(`UPDATE policy_version v SET upstream_template_version_id = p.upstream_template_version_id
      FROM policy p WHERE p.organisation_id = v.organisation_id AND p.id = v.policy_id AND p.upstream_template_version_id IS NOT NULL`);
    await db.query(`ALTER TABLE policy DROP CONSTRAINT policy_upstream_template_version_fk, DROP COLUMN upstream_template_version_id`);
    await db.query(`CREATE INDEX policy_version_upstream_idx ON policy_version (upstream_template_version_id) WHERE upstream_template_version_id IS NOT NULL`);

    await db.query(`ALTER TABLE template ADD COLUMN source_policy_id uuid NULL,
      ADD CONSTRAINT template_source_policy_fk FOREIGN KEY (publisher_id, source_policy_id) REFERENCES policy (organisation_id, id),
      ADD CONSTRAINT template_source_policy_unique UNIQUE (source_policy_id)`);
    // Templates released before this recorded their source: the publisher's policy of the same slug.
    await db.query(`UPDATE template t SET source_policy_id = p.id FROM policy p
      WHERE p.organisation_id = t.publisher_id AND p.slug = t.slug AND p.deleted_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE template DROP CONSTRAINT template_source_policy_unique, DROP CONSTRAINT template_source_policy_fk, DROP COLUMN source_policy_id`);
    await db.query(`ALTER TABLE policy ADD COLUMN upstream_template_version_id uuid NULL,
      ADD CONSTRAINT policy_upstream_template_version_fk FOREIGN KEY (upstream_template_version_id) REFERENCES template_version (id)`);
    // The policy's lineage is its newest version's.
    await db.query(`UPDATE policy p SET upstream_template_version_id = latest.upstream_template_version_id
      FROM (SELECT DISTINCT ON (organisation_id, policy_id) organisation_id, policy_id, upstream_template_version_id
              FROM policy_version ORDER BY organisation_id, policy_id, created_at DESC) latest
      WHERE latest.organisation_id = p.organisation_id AND latest.policy_id = p.id`);
    await db.query(`DROP INDEX policy_version_upstream_idx`);
    await db.query(`ALTER TABLE policy_version DROP CONSTRAINT policy_version_change_origin_valid, DROP CONSTRAINT policy_version_upstream_template_version_fk,
      DROP COLUMN change_origin, DROP COLUMN upstream_template_version_id`);
  }
}
