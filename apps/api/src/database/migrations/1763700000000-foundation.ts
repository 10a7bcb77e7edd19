import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: the organisation directory, people and sessions (global), and the first
 * tenant tables (memberships, governance bodies, policies, versions, publications), each
 * with organisation_id, forced row-level security and composite keys that make a
 * reference to another tenant's row impossible.
 *
 * The runtime role `ratify_runtime` (NOLOGIN; the app logs in as a member of it) gets only
 * the privileges it needs: no TRUNCATE, no REFERENCES, no DDL, owns nothing.
 */
const TENANT_TABLES = ['membership', 'governance_body', 'policy', 'policy_version', 'publication'];
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

export class Foundation1763700000000 implements MigrationInterface {
  name = 'Foundation1763700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ratify_runtime') THEN
          CREATE ROLE ratify_runtime NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; -- another database of this cluster made it first
      END $$`);
    await db.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await db.query(`GRANT USAGE ON SCHEMA public TO ratify_runtime`);

    await db.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        parent_id uuid NULL,
        slug text NOT NULL,
        name text NOT NULL,
        strapline text NULL,
        numbering_style text NOT NULL DEFAULT 'numbered',
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_pk PRIMARY KEY (id),
        CONSTRAINT organisation_kind_valid CHECK (kind IN ('trust', 'school', 'publisher')),
        CONSTRAINT organisation_only_schools_have_a_trust CHECK (parent_id IS NULL OR kind = 'school'),
        CONSTRAINT organisation_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 80),
        CONSTRAINT organisation_name_not_blank CHECK (length(trim(name)) > 0),
        CONSTRAINT organisation_numbering_style_valid CHECK (numbering_style IN ('numbered', 'unnumbered')),
        CONSTRAINT organisation_slug_unique UNIQUE (slug),
        CONSTRAINT organisation_parent_id_unique UNIQUE (parent_id, id),
        CONSTRAINT organisation_parent_fk FOREIGN KEY (parent_id) REFERENCES organisation (id)
      )`);

    await db.query(`
      CREATE TABLE person (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_pk PRIMARY KEY (id),
        CONSTRAINT person_email_lowercase CHECK (email = lower(email) AND position('@' IN email) > 1)
      )`);
    await db.query(`CREATE UNIQUE INDEX person_email_unique ON person (email)`);

    await db.query(`
      CREATE TABLE session (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash bytea NOT NULL,
        person_id uuid NOT NULL,
        active_membership_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        CONSTRAINT session_pk PRIMARY KEY (id),
        CONSTRAINT session_token_hash_unique UNIQUE (token_hash),
        CONSTRAINT session_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX session_person_idx ON session (person_id)`);

    await db.query(`
      CREATE TABLE membership (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        person_id uuid NOT NULL,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT membership_pk PRIMARY KEY (id),
        CONSTRAINT membership_role_valid CHECK (role IN ('admin', 'author', 'approver', 'publisher', 'viewer')),
        CONSTRAINT membership_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT membership_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT membership_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
        CONSTRAINT membership_one_per_place UNIQUE NULLS NOT DISTINCT (organisation_id, school_id, person_id)
      )`);
    await db.query(`CREATE INDEX membership_person_idx ON membership (person_id)`);

    await db.query(`
      CREATE TABLE governance_body (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        kind text NOT NULL,
        name text NOT NULL,
        CONSTRAINT governance_body_pk PRIMARY KEY (id),
        CONSTRAINT governance_body_kind_valid CHECK (kind IN ('board', 'committee', 'local_governing_body')),
        CONSTRAINT governance_body_name_not_blank CHECK (length(trim(name)) > 0),
        CONSTRAINT governance_body_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT governance_body_name_unique UNIQUE (organisation_id, name),
        CONSTRAINT governance_body_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT governance_body_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id)
      )`);

    await db.query(`
      CREATE TABLE policy (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        slug text NOT NULL,
        title text NOT NULL,
        statutory boolean NOT NULL DEFAULT false,
        owner_title text NULL,
        monitoring_body_id uuid NULL,
        review_cycle_months integer NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz NULL,
        CONSTRAINT policy_pk PRIMARY KEY (id),
        CONSTRAINT policy_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
        CONSTRAINT policy_title_not_blank CHECK (length(trim(title)) > 0),
        CONSTRAINT policy_review_cycle_positive CHECK (review_cycle_months IS NULL OR review_cycle_months BETWEEN 1 AND 120),
        CONSTRAINT policy_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT policy_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT policy_monitoring_body_fk FOREIGN KEY (organisation_id, monitoring_body_id) REFERENCES governance_body (organisation_id, id)
      )`);
    await db.query(`CREATE UNIQUE INDEX policy_slug_unique ON policy (organisation_id, slug) WHERE deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE policy_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        major integer NOT NULL,
        minor integer NOT NULL,
        status text NOT NULL,
        content jsonb NOT NULL,
        content_hash text NOT NULL,
        change_summary text NULL,
        approved_on date NULL,
        approved_by_body_id uuid NULL,
        next_review_on date NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_version_pk PRIMARY KEY (id),
        CONSTRAINT policy_version_status_valid CHECK (status IN ('draft', 'in_approval', 'approved', 'superseded')),
        CONSTRAINT policy_version_number_valid CHECK (major >= 0 AND minor >= 0),
        CONSTRAINT policy_version_approved_has_date CHECK (status NOT IN ('approved', 'superseded') OR approved_on IS NOT NULL),
        CONSTRAINT policy_version_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT policy_version_number_unique UNIQUE (policy_id, major, minor),
        CONSTRAINT policy_version_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT policy_version_approved_by_fk FOREIGN KEY (organisation_id, approved_by_body_id) REFERENCES governance_body (organisation_id, id)
      )`);
    await db.query(`CREATE INDEX policy_version_policy_idx ON policy_version (organisation_id, policy_id)`);

    await db.query(`
      CREATE TABLE publication (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        policy_id uuid NOT NULL,
        policy_version_id uuid NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        withdrawn_at timestamptz NULL,
        CONSTRAINT publication_pk PRIMARY KEY (id),
        CONSTRAINT publication_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT publication_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT publication_version_fk FOREIGN KEY (organisation_id, policy_version_id) REFERENCES policy_version (organisation_id, id)
      )`);
    await db.query(
      `CREATE UNIQUE INDEX publication_one_current ON publication (organisation_id, school_id, policy_id) NULLS NOT DISTINCT WHERE withdrawn_at IS NULL`,
    );

    for (const table of TENANT_TABLES) {
      await db.query(`CREATE INDEX ${table}_tenant_idx ON ${table} (organisation_id)`);
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_tenant_isolation ON ${table} USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    }
    // A person may always read their own memberships (to sign in and switch organisation).
    await db.query(
      `CREATE POLICY membership_own_rows ON membership FOR SELECT USING (person_id = nullif(current_setting('app.person_id', true), '')::uuid)`,
    );

    await db.query(`GRANT SELECT ON organisation, person TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON session TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON membership, governance_body, policy, publication TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON policy_version TO ratify_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['publication', 'policy_version', 'policy', 'governance_body', 'membership', 'session', 'person', 'organisation']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`REVOKE USAGE ON SCHEMA public FROM ratify_runtime`);
  }
}
