import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reviews: when each policy must next be looked at, and the machinery that makes sure it is.
 *
 * - `policy_type`: a global catalogue (reference data every tenant reads) of the statutory and
 *   common policies with their statutory maximum review cycle (refused above it) and the cycle
 *   the DfE advises (warned above it). DOMAIN.md §4.
 * - The policy's live review schedule moves to `policy` (approved versions are frozen, and
 *   "reviewed, no change" must move the date without a new version): the next review date,
 *   optionally the term it was set to directly (kept as a term so each school resolves it in its
 *   own calendar), "and on statutory change", the type and the owner who gets reminders.
 * - `term_calendar_year`: an academic year of a trust's calendar, or of one school's when its
 *   dates differ, with its named periods.
 * - `review_settings` (reminder lead times), `review_reminder` (one row per reminder sent; its
 *   unique key is what makes a reminder exactly-once across API instances), `calendar_feed`
 *   (secret, revocable ICS addresses), `guidance_edition` and its policy types, `review_flag`
 *   ("review required" by an edition's in-force date), `policy_review` (completed reviews;
 *   append-only like the rest of the record).
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;

const NEW_TENANT_TABLES = ['term_calendar_year', 'review_settings', 'review_reminder', 'calendar_feed', 'guidance_edition', 'guidance_edition_policy_type', 'review_flag', 'policy_review'];

/** key, name, statutory, statutory maximum cycle (months), advised cycle (months), basis, reviewed on statutory change. */
const POLICY_TYPES: [string, string, boolean, number | null, number | null, string, boolean][] = [
  ['safeguarding', 'Safeguarding and child protection', true, 12, null, 'KCSIE: at least annually, and whenever KCSIE changes', true],
  ['staff-code-of-conduct', 'Staff code of conduct', true, null, 12, 'KCSIE; reviewed annually by most trusts', true],
  ['allegations-against-staff', 'Allegations of abuse against staff', true, null, 12, 'KCSIE Part 4; the DfE list advised annually', true],
  ['online-safety', 'Online safety', false, null, 12, 'KCSIE expectations; annual review is common', true],
  ['behaviour', 'Behaviour (including anti-bullying)', true, null, 12, 'Independent School Standards Part 3', false],
  ['exclusions', 'Suspensions and permanent exclusions', true, null, null, 'Statutory exclusions guidance', true],
  ['attendance', 'Attendance', true, null, null, 'Working together to improve school attendance', true],
  ['send', 'SEND policy and SEN information report', true, 12, null, 'SEND Regulations 2014: the report is updated annually', true],
  ['accessibility-plan', 'Accessibility plan', true, 36, null, 'Equality Act 2010 Schedule 10: a three-year plan', false],
  ['equality', 'Equality information and objectives', true, 48, 12, 'Equality Act 2010 (Specific Duties): objectives at least every 4 years, information annually', false],
  ['medical-conditions', 'Supporting pupils with medical conditions', true, null, 12, 'Children and Families Act 2014 s100', false],
  ['rshe', 'Relationships, sex and health education', true, null, null, 'RSHE Regulations 2019 and statutory guidance', true],
  ['admissions', 'Admission arrangements', true, 12, null, 'School Admissions Code: determined annually by 28 February', true],
  ['charging-and-remissions', 'Charging and remissions', true, null, 12, 'Education Act 1996; the DfE advised annual review', false],
  ['complaints', 'Complaints procedure', true, null, 12, 'Independent School Standards Part 7', true],
  ['data-protection', 'Data protection', true, null, 24, 'UK GDPR / DPA 2018: the DfE recommends review every 2 years', true],
  ['biometrics', "Protection of children's biometric information", true, null, 12, 'Protection of Freedoms Act 2012', false],
  ['freedom-of-information', 'Freedom of information publication scheme', true, null, null, 'FOIA 2000 s19', false],
  ['health-and-safety', 'Health and safety (including first aid)', true, null, 12, 'Health and Safety at Work etc. Act 1974', true],
  ['teachers-pay', "Teachers' pay", true, 12, null, 'STPCD: the pay award each September', true],
  ['staff-discipline', 'Staff discipline, conduct and grievance', true, null, null, 'Employment law and ACAS code', false],
  ['whistleblowing', 'Whistleblowing', true, null, null, 'Academy Trust Handbook; PIDA 1998', false],
  ['ect-induction', 'Early career teacher induction', true, null, null, 'ECT induction statutory guidance', false],
  ['designated-teacher', 'Designated teacher for looked-after children', true, null, 12, 'Children and Young Persons Act 2008', false],
  ['health-needs', 'Children with health needs who cannot attend school', true, null, 12, 'Education Act 1996 s19', false],
  ['uniform', 'School uniform', true, null, 36, 'Statutory guidance on the cost of school uniforms', true],
  ['careers-provider-access', 'Careers: provider access policy statement', true, null, null, 'Education Act 1997 s42B', false],
  ['scheme-of-delegation', 'Scheme of delegation and governance arrangements', true, 12, null, 'Academy Trust Handbook: annually and after structural change', false],
  ['social-media', 'Social media', false, null, null, 'Good practice; links to online safety and the staff code of conduct', false],
  ['other', 'Other', false, null, null, 'The trust sets the cycle', false],
];

export class Reviews1763700900000 implements MigrationInterface {
  name = 'Reviews1763700900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_type (
        key text NOT NULL,
        name text NOT NULL,
        statutory boolean NOT NULL,
        max_cycle_months integer NULL,
        advised_cycle_months integer NULL,
        basis text NOT NULL,
        on_statutory_change boolean NOT NULL,
        CONSTRAINT policy_type_pk PRIMARY KEY (key),
        CONSTRAINT policy_type_key_format CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT policy_type_cycles_valid CHECK ((max_cycle_months IS NULL OR max_cycle_months BETWEEN 1 AND 120) AND (advised_cycle_months IS NULL OR advised_cycle_months BETWEEN 1 AND 120))
      )`);
    for (const row of POLICY_TYPES) {
      await db.query(`INSERT INTO policy_type (key, name, statutory, max_cycle_months, advised_cycle_months, basis, on_statutory_change) VALUES ($1, $2, $3, $4, $5, $6, $7)`, row);
    }
    await db.query(`GRANT SELECT ON policy_type TO ratify_runtime`);

    await db.query(`
      ALTER TABLE policy
        ADD COLUMN policy_type_key text NULL,
        ADD COLUMN review_on_statutory_change boolean NOT NULL DEFAULT false,
        ADD COLUMN next_review_on date NULL,
        ADD COLUMN next_review_year integer NULL,
        ADD COLUMN next_review_term text NULL,
        ADD COLUMN owner_id uuid NULL,
        ADD CONSTRAINT policy_type_fk FOREIGN KEY (policy_type_key) REFERENCES policy_type (key),
        ADD CONSTRAINT policy_owner_fk FOREIGN KEY (organisation_id, owner_id) REFERENCES membership (organisation_id, id) ON DELETE SET NULL (owner_id),
        ADD CONSTRAINT policy_review_term_complete CHECK ((next_review_year IS NULL) = (next_review_term IS NULL) AND (next_review_term IS NULL OR next_review_on IS NOT NULL))`);
    // The schedule so far was the approved version's next review date.
    await db.query(`
      UPDATE policy p SET next_review_on = v.next_review_on
        FROM policy_version v WHERE v.organisation_id = p.organisation_id AND v.policy_id = p.id AND v.status = 'approved'`);

    await db.query(`
      CREATE TABLE term_calendar_year (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        start_year integer NOT NULL,
        naming text NOT NULL,
        periods jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        CONSTRAINT term_calendar_year_pk PRIMARY KEY (id),
        CONSTRAINT term_calendar_year_naming_valid CHECK (naming IN ('six-terms', 'three-terms', 'half-terms')),
        CONSTRAINT term_calendar_year_start_valid CHECK (start_year BETWEEN 1990 AND 2200),
        CONSTRAINT term_calendar_year_periods_array CHECK (jsonb_typeof(periods) = 'array' AND jsonb_array_length(periods) BETWEEN 1 AND 12),
        CONSTRAINT term_calendar_year_unique UNIQUE NULLS NOT DISTINCT (organisation_id, school_id, start_year),
        CONSTRAINT term_calendar_year_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT term_calendar_year_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT term_calendar_year_updated_by_fk FOREIGN KEY (updated_by) REFERENCES person (id) ON DELETE SET NULL
      )`);

    await db.query(`
      CREATE TABLE review_settings (
        organisation_id uuid NOT NULL,
        lead_days integer[] NOT NULL DEFAULT '{60,30,7,0}',
        overdue_weekly boolean NOT NULL DEFAULT true,
        CONSTRAINT review_settings_pk PRIMARY KEY (organisation_id),
        CONSTRAINT review_settings_lead_days_valid CHECK (cardinality(lead_days) <= 8 AND 0 <= ALL (lead_days) AND 365 >= ALL (lead_days)),
        CONSTRAINT review_settings_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
      )`);

    await db.query(`
      CREATE TABLE review_reminder (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        reminder_key text NOT NULL,
        due_on date NOT NULL,
        recipients integer NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT review_reminder_pk PRIMARY KEY (id),
        CONSTRAINT review_reminder_once UNIQUE (organisation_id, policy_id, reminder_key),
        CONSTRAINT review_reminder_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id)
      )`);

    await db.query(`
      CREATE TABLE calendar_feed (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        label text NOT NULL,
        created_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL,
        CONSTRAINT calendar_feed_pk PRIMARY KEY (id),
        CONSTRAINT calendar_feed_token_unique UNIQUE (token_hash),
        CONSTRAINT calendar_feed_label_not_blank CHECK (length(trim(label)) BETWEEN 1 AND 100),
        CONSTRAINT calendar_feed_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT calendar_feed_created_by_fk FOREIGN KEY (created_by) REFERENCES person (id) ON DELETE SET NULL
      )`);

    await db.query(`
      CREATE TABLE guidance_edition (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        title text NOT NULL,
        edition text NOT NULL,
        in_force_on date NOT NULL,
        note text NULL,
        registered_by uuid NULL,
        registered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT guidance_edition_pk PRIMARY KEY (id),
        CONSTRAINT guidance_edition_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT guidance_edition_unique UNIQUE (organisation_id, title, edition),
        CONSTRAINT guidance_edition_title_not_blank CHECK (length(trim(title)) BETWEEN 1 AND 200 AND length(trim(edition)) BETWEEN 1 AND 40),
        CONSTRAINT guidance_edition_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT guidance_edition_registered_by_fk FOREIGN KEY (registered_by) REFERENCES person (id) ON DELETE SET NULL
      )`);
    await db.query(`
      CREATE TABLE guidance_edition_policy_type (
        organisation_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        policy_type_key text NOT NULL,
        CONSTRAINT guidance_edition_policy_type_pk PRIMARY KEY (organisation_id, edition_id, policy_type_key),
        CONSTRAINT guidance_edition_policy_type_edition_fk FOREIGN KEY (organisation_id, edition_id) REFERENCES guidance_edition (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT guidance_edition_policy_type_type_fk FOREIGN KEY (policy_type_key) REFERENCES policy_type (key)
      )`);

    await db.query(`
      CREATE TABLE policy_review (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        version_id uuid NULL,
        outcome text NOT NULL,
        reviewed_on date NOT NULL,
        reviewed_by uuid NULL,
        note text NULL,
        previous_due_on date NULL,
        next_review_on date NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT policy_review_pk PRIMARY KEY (id),
        CONSTRAINT policy_review_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT policy_review_outcome_valid CHECK (outcome IN ('no_change', 'new_draft')),
        CONSTRAINT policy_review_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT policy_review_version_fk FOREIGN KEY (organisation_id, version_id) REFERENCES policy_version (organisation_id, id),
        CONSTRAINT policy_review_reviewed_by_fk FOREIGN KEY (reviewed_by) REFERENCES person (id)
      )`);
    await db.query(`CREATE INDEX policy_review_policy_idx ON policy_review (organisation_id, policy_id, reviewed_on)`);

    await db.query(`
      CREATE TABLE review_flag (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        edition_id uuid NOT NULL,
        due_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz NULL,
        resolved_by_review_id uuid NULL,
        resolved_by_version_id uuid NULL,
        CONSTRAINT review_flag_pk PRIMARY KEY (id),
        CONSTRAINT review_flag_once UNIQUE (organisation_id, policy_id, edition_id),
        CONSTRAINT review_flag_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT review_flag_edition_fk FOREIGN KEY (organisation_id, edition_id) REFERENCES guidance_edition (organisation_id, id),
        CONSTRAINT review_flag_review_fk FOREIGN KEY (organisation_id, resolved_by_review_id) REFERENCES policy_review (organisation_id, id),
        CONSTRAINT review_flag_version_fk FOREIGN KEY (organisation_id, resolved_by_version_id) REFERENCES policy_version (organisation_id, id)
      )`);
    await db.query(`CREATE INDEX review_flag_open_idx ON review_flag (organisation_id, policy_id) WHERE resolved_at IS NULL`);

    for (const table of NEW_TENANT_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_tenant_isolation ON ${table} USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON term_calendar_year, review_settings, guidance_edition_policy_type TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON calendar_feed, guidance_edition, review_flag TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT ON review_reminder, policy_review TO ratify_runtime`);
    for (const table of ['policy_review', 'review_reminder']) {
      await db.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION append_only()`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['review_flag', 'policy_review', 'guidance_edition_policy_type', 'guidance_edition', 'calendar_feed', 'review_reminder', 'review_settings', 'term_calendar_year']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`
      ALTER TABLE policy DROP CONSTRAINT policy_review_term_complete, DROP CONSTRAINT policy_owner_fk, DROP CONSTRAINT policy_type_fk,
        DROP COLUMN owner_id, DROP COLUMN next_review_term, DROP COLUMN next_review_year, DROP COLUMN next_review_on,
        DROP COLUMN review_on_statutory_change, DROP COLUMN policy_type_key`);
    await db.query(`DROP TABLE policy_type`);
  }
}
