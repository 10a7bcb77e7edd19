import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publishing as a product: branding, uploaded assets, immutable artefacts and publish jobs.
 *
 * - `branding`: a trust's look (colours, font, strapline, logo, which cover rows, contact for
 *   other formats, whether superseded versions stay public in an archive), with one row per
 *   academy that overrides any of it (a null column inherits the trust's). The strapline moves
 *   here from `organisation` (the global directory is not the tenant's to restyle).
 * - `asset`: an uploaded file (a logo), validated and re-encoded before it is stored; the bytes
 *   live in the file store under the tenant's prefix, addressed by their SHA-256.
 * - `publication` gains its artefacts: the SHA-256 and size of the PDF and the HTML rendered
 *   when it was published. The runtime role may only insert a publication and later mark it
 *   withdrawn or superseded (column grants): an artefact never changes once it is public.
 * - `publish_job` and `publish_job_item`: one job per "publish" (or re-publish after an
 *   approval), an item per trust/school copy, so progress is visible and failures are named.
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

const NEW_TENANT_TABLES = ['branding', 'asset', 'publish_job', 'publish_job_item'];

export class Publishing1763701000000 implements MigrationInterface {
  name = 'Publishing1763701000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE asset (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        kind text NOT NULL,
        content_type text NOT NULL,
        sha256 text NOT NULL,
        byte_size integer NOT NULL,
        width integer NOT NULL,
        height integer NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT asset_pk PRIMARY KEY (id),
        CONSTRAINT asset_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT asset_kind_valid CHECK (kind IN ('logo')),
        CONSTRAINT asset_content_type_valid CHECK (content_type IN ('image/png')),
        CONSTRAINT asset_sha256_format CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT asset_size_valid CHECK (byte_size > 0 AND width > 0 AND height > 0),
        CONSTRAINT asset_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT asset_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT asset_created_by_fk FOREIGN KEY (created_by) REFERENCES person (id) ON DELETE SET NULL
      )`);

    await db.query(`
      CREATE TABLE branding (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        primary_colour text NULL,
        accent_colour text NULL,
        font text NULL,
        strapline text NULL,
        logo_asset_id uuid NULL,
        cover_fields text[] NULL,
        contact_email text NULL,
        keep_archive boolean NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT branding_pk PRIMARY KEY (id),
        CONSTRAINT branding_one_per_place UNIQUE NULLS NOT DISTINCT (organisation_id, school_id),
        CONSTRAINT branding_colours_format CHECK (coalesce(primary_colour, '#000000') ~ '^#[0-9a-f]{6}$' AND coalesce(accent_colour, '#000000') ~ '^#[0-9a-f]{6}$'),
        CONSTRAINT branding_font_valid CHECK (font IS NULL OR font IN ('Roboto', 'DejaVu Sans', 'DejaVu Serif')),
        CONSTRAINT branding_strapline_length CHECK (strapline IS NULL OR length(strapline) BETWEEN 1 AND 200),
        CONSTRAINT branding_cover_fields_valid CHECK (cover_fields IS NULL OR cover_fields <@ ARRAY['statutory', 'adoptedOn', 'author', 'monitoredBy', 'boardRatification', 'approvedBy', 'approvedOn', 'reviewCycle', 'reviewDate']::text[]),
        CONSTRAINT branding_contact_email_format CHECK (contact_email IS NULL OR (length(contact_email) <= 254 AND contact_email ~ '^[^@\\s]+@[^@\\s]+$')),
        CONSTRAINT branding_archive_trust_only CHECK (school_id IS NULL OR keep_archive IS NULL),
        CONSTRAINT branding_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT branding_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT branding_logo_fk FOREIGN KEY (organisation_id, logo_asset_id) REFERENCES asset (organisation_id, id)
      )`);
    // Straplines so far lived on the directory; an academy's belongs to its trust's tenant.
    await db.query(`
      INSERT INTO branding (organisation_id, school_id, strapline)
      SELECT coalesce(parent_id, id), CASE WHEN parent_id IS NULL THEN NULL ELSE id END, strapline
        FROM organisation WHERE strapline IS NOT NULL AND kind <> 'publisher'`);
    await db.query(`ALTER TABLE organisation DROP COLUMN strapline`);

    await db.query(`
      CREATE TABLE publish_job (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        policy_version_id uuid NOT NULL,
        reason text NOT NULL,
        status text NOT NULL DEFAULT 'queued',
        requested_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz NULL,
        finished_at timestamptz NULL,
        CONSTRAINT publish_job_pk PRIMARY KEY (id),
        CONSTRAINT publish_job_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT publish_job_reason_valid CHECK (reason IN ('published', 'approved', 'reviewed', 'rebranded')),
        CONSTRAINT publish_job_status_valid CHECK (status IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT publish_job_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT publish_job_version_fk FOREIGN KEY (organisation_id, policy_version_id) REFERENCES policy_version (organisation_id, id),
        CONSTRAINT publish_job_requested_by_fk FOREIGN KEY (requested_by) REFERENCES person (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE INDEX publish_job_policy_idx ON publish_job (organisation_id, policy_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE publish_job_item (
        organisation_id uuid NOT NULL,
        job_id uuid NOT NULL,
        position integer NOT NULL,
        school_id uuid NULL,
        status text NOT NULL DEFAULT 'pending',
        error text NULL,
        publication_id uuid NULL,
        finished_at timestamptz NULL,
        CONSTRAINT publish_job_item_pk PRIMARY KEY (organisation_id, job_id, position),
        CONSTRAINT publish_job_item_status_valid CHECK (status IN ('pending', 'published', 'unchanged', 'failed')),
        CONSTRAINT publish_job_item_one_per_place UNIQUE NULLS NOT DISTINCT (organisation_id, job_id, school_id),
        CONSTRAINT publish_job_item_job_fk FOREIGN KEY (organisation_id, job_id) REFERENCES publish_job (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT publish_job_item_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id)
      )`);

    await db.query(`
      ALTER TABLE publication
        ADD COLUMN withdrawn_reason text NULL,
        ADD COLUMN pdf_sha256 text NULL,
        ADD COLUMN pdf_size integer NULL,
        ADD COLUMN html_sha256 text NULL,
        ADD COLUMN html_size integer NULL,
        ADD COLUMN publish_job_id uuid NULL,
        ADD CONSTRAINT publication_withdrawn_reason_valid CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL) AND (withdrawn_reason IS NULL OR withdrawn_reason IN ('superseded', 'withdrawn'))),
        ADD CONSTRAINT publication_artefacts_complete CHECK (
          (pdf_sha256 IS NULL AND html_sha256 IS NULL AND pdf_size IS NULL AND html_size IS NULL)
          OR (pdf_sha256 ~ '^[0-9a-f]{64}$' AND html_sha256 ~ '^[0-9a-f]{64}$' AND pdf_size > 0 AND html_size > 0)),
        ADD CONSTRAINT publication_job_fk FOREIGN KEY (organisation_id, publish_job_id) REFERENCES publish_job (organisation_id, id)`);
    // Publications from before artefacts existed stay current; the app renders their artefacts at
    // start-up (PublishService) and serves nothing for them until it has.
    await db.query(`UPDATE publication SET withdrawn_reason = 'withdrawn' WHERE withdrawn_at IS NOT NULL`);
    await db.query(`CREATE INDEX publication_archive_idx ON publication (organisation_id, school_id, policy_id, published_at DESC) WHERE withdrawn_reason = 'superseded'`);

    for (const table of NEW_TENANT_TABLES) {
      await db.query(`CREATE INDEX ${table}_tenant_idx ON ${table} (organisation_id)`);
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_tenant_isolation ON ${table} USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE ON branding TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT ON asset TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON publish_job, publish_job_item TO ratify_runtime`);
    // An artefact, once public, never changes: the runtime role can add a publication and close it, nothing else.
    await db.query(`REVOKE UPDATE, DELETE ON publication FROM ratify_runtime`);
    await db.query(`GRANT UPDATE (withdrawn_at, withdrawn_reason) ON publication TO ratify_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE UPDATE (withdrawn_at, withdrawn_reason) ON publication FROM ratify_runtime`);
    await db.query(`GRANT UPDATE, DELETE ON publication TO ratify_runtime`);
    await db.query(`DROP INDEX publication_archive_idx`);
    await db.query(`
      ALTER TABLE publication DROP CONSTRAINT publication_job_fk, DROP CONSTRAINT publication_artefacts_complete, DROP CONSTRAINT publication_withdrawn_reason_valid,
        DROP COLUMN withdrawn_reason, DROP COLUMN pdf_sha256, DROP COLUMN pdf_size, DROP COLUMN html_sha256, DROP COLUMN html_size, DROP COLUMN publish_job_id`);
    await db.query(`ALTER TABLE organisation ADD COLUMN strapline text NULL`);
    await db.query(`UPDATE organisation o SET strapline = b.strapline FROM branding b WHERE b.strapline IS NOT NULL AND coalesce(b.school_id, b.organisation_id) = o.id`);
    for (const table of ['publish_job_item', 'publish_job', 'branding', 'asset']) await db.query(`DROP TABLE ${table}`);
  }
}
