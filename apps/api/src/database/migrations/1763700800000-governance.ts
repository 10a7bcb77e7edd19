import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Governance: who approves what, and the record that they did.
 *
 * - Governance bodies get a quorum and members (chair, clerk, members), each a membership of
 *   the organisation (a composite key makes another tenant's person impossible).
 * - Approval routes (the scheme of delegation as data): ordered stages, each a body that
 *   approves or ratifies, for all changes or only major ones; a role that may approve minor
 *   changes without a committee; whether the author may decide on their own version.
 * - Approval requests pin one version id and its content hash; their stages are copied from the
 *   route when submitted; one decision per stage (the unique key settles races).
 * - Approved and superseded versions are frozen by triggers: the only change allowed is
 *   approved → superseded, nothing else; no delete, no truncate, whoever asks.
 * - Audit events are append-only (the runtime role may only insert and read; triggers refuse
 *   update, delete and truncate) and hash-chained per organisation.
 * - Notifications (in-app) and an email outbox.
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
const ORIGINS = `('legislation-or-guidance', 'model-provider-update', 'trust-decision', 'audit-finding', 'school-request', 'editorial')`;
const ROLES = `('admin', 'author', 'approver', 'publisher', 'viewer')`;

const NEW_TABLES = ['governance_body_member', 'approval_route', 'approval_route_stage', 'approval_request', 'approval_request_stage', 'approval_decision', 'approval_comment', 'audit_event', 'notification', 'email_outbox'];

export class Governance1763700800000 implements MigrationInterface {
  name = 'Governance1763700800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE membership ADD CONSTRAINT membership_tenant_id_unique UNIQUE (organisation_id, id)`);
    await db.query(`ALTER TABLE governance_body
      ADD COLUMN quorum integer NULL,
      ADD CONSTRAINT governance_body_quorum_valid CHECK (quorum IS NULL OR quorum BETWEEN 1 AND 100)`);
    await db.query(`
      CREATE TABLE governance_body_member (
        organisation_id uuid NOT NULL,
        body_id uuid NOT NULL,
        membership_id uuid NOT NULL,
        position text NOT NULL,
        CONSTRAINT governance_body_member_pk PRIMARY KEY (organisation_id, body_id, membership_id),
        CONSTRAINT governance_body_member_position_valid CHECK (position IN ('chair', 'clerk', 'member')),
        CONSTRAINT governance_body_member_body_fk FOREIGN KEY (organisation_id, body_id) REFERENCES governance_body (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT governance_body_member_membership_fk FOREIGN KEY (organisation_id, membership_id) REFERENCES membership (organisation_id, id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX governance_body_one_chair ON governance_body_member (organisation_id, body_id) WHERE position = 'chair'`);
    await db.query(`CREATE UNIQUE INDEX governance_body_one_clerk ON governance_body_member (organisation_id, body_id) WHERE position = 'clerk'`);

    await db.query(`
      CREATE TABLE approval_route (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        is_default boolean NOT NULL DEFAULT false,
        author_may_approve boolean NOT NULL DEFAULT false,
        minor_change_role text NULL,
        local_adoption text NOT NULL DEFAULT 'none',
        CONSTRAINT approval_route_pk PRIMARY KEY (id),
        CONSTRAINT approval_route_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT approval_route_name_unique UNIQUE (organisation_id, name),
        CONSTRAINT approval_route_name_not_blank CHECK (length(trim(name)) > 0),
        CONSTRAINT approval_route_minor_change_role_valid CHECK (minor_change_role IS NULL OR minor_change_role IN ${ROLES}),
        CONSTRAINT approval_route_local_adoption_valid CHECK (local_adoption IN ('none', 'note', 'adopt')),
        CONSTRAINT approval_route_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
      )`);
    await db.query(`CREATE UNIQUE INDEX approval_route_one_default ON approval_route (organisation_id) WHERE is_default`);
    await db.query(`
      CREATE TABLE approval_route_stage (
        organisation_id uuid NOT NULL,
        route_id uuid NOT NULL,
        position integer NOT NULL,
        body_id uuid NOT NULL,
        action text NOT NULL,
        applies_to text NOT NULL,
        CONSTRAINT approval_route_stage_pk PRIMARY KEY (organisation_id, route_id, position),
        CONSTRAINT approval_route_stage_action_valid CHECK (action IN ('approve', 'ratify')),
        CONSTRAINT approval_route_stage_applies_to_valid CHECK (applies_to IN ('all', 'major')),
        CONSTRAINT approval_route_stage_route_fk FOREIGN KEY (organisation_id, route_id) REFERENCES approval_route (organisation_id, id) ON DELETE CASCADE,
        CONSTRAINT approval_route_stage_body_fk FOREIGN KEY (organisation_id, body_id) REFERENCES governance_body (organisation_id, id)
      )`);
    await db.query(`ALTER TABLE policy
      ADD COLUMN approval_route_id uuid NULL,
      ADD CONSTRAINT policy_approval_route_fk FOREIGN KEY (organisation_id, approval_route_id) REFERENCES approval_route (organisation_id, id)`);

    await db.query(`ALTER TABLE policy_version
      ADD COLUMN change_kind text NULL,
      ADD COLUMN effective_on date NULL,
      ADD CONSTRAINT policy_version_change_kind_valid CHECK (change_kind IN ('major', 'minor'))`);

    await db.query(`
      CREATE TABLE approval_request (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        policy_id uuid NOT NULL,
        version_id uuid NOT NULL,
        route_id uuid NULL,
        status text NOT NULL DEFAULT 'open',
        current_stage integer NOT NULL DEFAULT 0,
        change_summary text NOT NULL,
        change_origin text NOT NULL,
        change_kind text NOT NULL,
        submitted_content_hash text NOT NULL,
        content_hash text NOT NULL,
        author_may_approve boolean NOT NULL,
        submitted_by uuid NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz NULL,
        CONSTRAINT approval_request_pk PRIMARY KEY (id),
        CONSTRAINT approval_request_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT approval_request_status_valid CHECK (status IN ('open', 'approved', 'changes_requested', 'rejected', 'withdrawn')),
        CONSTRAINT approval_request_closed_when_not_open CHECK ((status = 'open') = (closed_at IS NULL)),
        CONSTRAINT approval_request_change_origin_valid CHECK (change_origin IN ${ORIGINS}),
        CONSTRAINT approval_request_change_kind_valid CHECK (change_kind IN ('major', 'minor')),
        CONSTRAINT approval_request_summary_not_blank CHECK (length(trim(change_summary)) > 0),
        CONSTRAINT approval_request_policy_fk FOREIGN KEY (organisation_id, policy_id) REFERENCES policy (organisation_id, id),
        CONSTRAINT approval_request_version_fk FOREIGN KEY (organisation_id, version_id) REFERENCES policy_version (organisation_id, id),
        CONSTRAINT approval_request_route_fk FOREIGN KEY (organisation_id, route_id) REFERENCES approval_route (organisation_id, id) ON DELETE SET NULL (route_id),
        CONSTRAINT approval_request_submitted_by_fk FOREIGN KEY (submitted_by) REFERENCES person (id)
      )`);
    // One request in flight per policy: a second submission of the same draft is refused.
    await db.query(`CREATE UNIQUE INDEX approval_request_one_open ON approval_request (organisation_id, policy_id) WHERE status = 'open'`);
    await db.query(`CREATE INDEX approval_request_version_idx ON approval_request (organisation_id, version_id)`);
    await db.query(`
      CREATE TABLE approval_request_stage (
        organisation_id uuid NOT NULL,
        request_id uuid NOT NULL,
        position integer NOT NULL,
        body_id uuid NULL,
        delegated_role text NULL,
        action text NOT NULL,
        CONSTRAINT approval_request_stage_pk PRIMARY KEY (organisation_id, request_id, position),
        CONSTRAINT approval_request_stage_decider CHECK ((body_id IS NULL) <> (delegated_role IS NULL)),
        CONSTRAINT approval_request_stage_role_valid CHECK (delegated_role IS NULL OR delegated_role IN ${ROLES}),
        CONSTRAINT approval_request_stage_action_valid CHECK (action IN ('approve', 'ratify')),
        CONSTRAINT approval_request_stage_request_fk FOREIGN KEY (organisation_id, request_id) REFERENCES approval_request (organisation_id, id),
        CONSTRAINT approval_request_stage_body_fk FOREIGN KEY (organisation_id, body_id) REFERENCES governance_body (organisation_id, id)
      )`);
    await db.query(`
      CREATE TABLE approval_decision (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        request_id uuid NOT NULL,
        stage integer NOT NULL,
        outcome text NOT NULL,
        decided_on date NOT NULL,
        method text NOT NULL,
        minute_reference text NULL,
        members_present integer NULL,
        note text NULL,
        decided_by uuid NOT NULL,
        content_hash text NOT NULL,
        amended_content jsonb NULL,
        amended_content_hash text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT approval_decision_pk PRIMARY KEY (id),
        CONSTRAINT approval_decision_one_per_stage UNIQUE (organisation_id, request_id, stage),
        CONSTRAINT approval_decision_outcome_valid CHECK (outcome IN ('approved', 'approved_with_amendments', 'recommended', 'changes_requested', 'rejected')),
        CONSTRAINT approval_decision_method_valid CHECK (method IN ('meeting', 'written_resolution', 'chairs_action', 'delegated')),
        CONSTRAINT approval_decision_amendments_recorded CHECK ((outcome = 'approved_with_amendments') = (amended_content IS NOT NULL AND amended_content_hash IS NOT NULL)),
        CONSTRAINT approval_decision_stage_fk FOREIGN KEY (organisation_id, request_id, stage) REFERENCES approval_request_stage (organisation_id, request_id, position),
        CONSTRAINT approval_decision_decided_by_fk FOREIGN KEY (decided_by) REFERENCES person (id)
      )`);
    await db.query(`
      CREATE TABLE approval_comment (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        request_id uuid NOT NULL,
        clause_id text NULL,
        author_id uuid NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT approval_comment_pk PRIMARY KEY (id),
        CONSTRAINT approval_comment_body_valid CHECK (length(trim(body)) > 0 AND length(body) <= 4000),
        CONSTRAINT approval_comment_request_fk FOREIGN KEY (organisation_id, request_id) REFERENCES approval_request (organisation_id, id),
        CONSTRAINT approval_comment_author_fk FOREIGN KEY (author_id) REFERENCES person (id)
      )`);
    await db.query(`CREATE INDEX approval_comment_request_idx ON approval_comment (organisation_id, request_id)`);
    await db.query(`ALTER TABLE policy_version
      ADD COLUMN approval_request_id uuid NULL,
      ADD CONSTRAINT policy_version_approval_request_fk FOREIGN KEY (organisation_id, approval_request_id) REFERENCES approval_request (organisation_id, id)`);

    await db.query(`
      CREATE TABLE audit_event (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        seq bigint NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid NULL,
        action text NOT NULL,
        policy_id uuid NULL,
        version_id uuid NULL,
        content_hash text NULL,
        details jsonb NOT NULL DEFAULT '{}',
        prev_hash text NULL,
        hash text NOT NULL,
        CONSTRAINT audit_event_pk PRIMARY KEY (id),
        CONSTRAINT audit_event_seq_unique UNIQUE (organisation_id, seq),
        CONSTRAINT audit_event_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT audit_event_actor_fk FOREIGN KEY (actor_id) REFERENCES person (id)
      )`);
    await db.query(`CREATE INDEX audit_event_policy_idx ON audit_event (organisation_id, policy_id, seq)`);

    await db.query(`
      CREATE TABLE notification (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        person_id uuid NOT NULL,
        message text NOT NULL,
        link text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz NULL,
        CONSTRAINT notification_pk PRIMARY KEY (id),
        CONSTRAINT notification_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT notification_person_fk FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX notification_person_idx ON notification (organisation_id, person_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE email_outbox (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        to_address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_error text NULL,
        CONSTRAINT email_outbox_pk PRIMARY KEY (id),
        CONSTRAINT email_outbox_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id)
      )`);
    await db.query(`CREATE INDEX email_outbox_unsent_idx ON email_outbox (organisation_id, created_at) WHERE sent_at IS NULL`);

    for (const table of NEW_TABLES) {
      await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await db.query(`CREATE POLICY ${table}_tenant_isolation ON ${table} USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    }
    await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON governance_body_member, approval_route, approval_route_stage TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT ON approval_request_stage, approval_decision, approval_comment, audit_event TO ratify_runtime`);
    await db.query(`GRANT SELECT, INSERT, UPDATE ON approval_request, notification, email_outbox TO ratify_runtime`);

    // Approved text never changes: approved → superseded is the one change allowed, and only the status moves.
    await db.query(`
      CREATE FUNCTION policy_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        proposed policy_version;
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          RAISE EXCEPTION 'policy versions cannot be truncated: approved versions are kept for good' USING ERRCODE = 'restrict_violation';
        END IF;
        IF OLD.status NOT IN ('approved', 'superseded') THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status = 'approved' AND NEW.status = 'superseded' THEN
          proposed := NEW;
          proposed.status := OLD.status;
          proposed.updated_at := OLD.updated_at;
          IF ROW(proposed.*) IS NOT DISTINCT FROM ROW(OLD.*) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'policy version % is %: an approved version cannot be changed or deleted; start a new draft', OLD.id, OLD.status
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await db.query(`CREATE TRIGGER policy_version_frozen BEFORE UPDATE OR DELETE ON policy_version FOR EACH ROW EXECUTE FUNCTION policy_version_frozen()`);
    await db.query(`CREATE TRIGGER policy_version_no_truncate BEFORE TRUNCATE ON policy_version FOR EACH STATEMENT EXECUTE FUNCTION policy_version_frozen()`);

    // The record of what was decided and what happened is append-only, whoever asks.
    await db.query(`
      CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: its rows cannot be changed or deleted', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
      END $$`);
    for (const table of ['audit_event', 'approval_decision', 'approval_comment', 'approval_request_stage']) {
      await db.query(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION append_only()`);
      await db.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION append_only()`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER policy_version_no_truncate ON policy_version`);
    await db.query(`DROP TRIGGER policy_version_frozen ON policy_version`);
    await db.query(`DROP FUNCTION policy_version_frozen()`);
    await db.query(`ALTER TABLE policy_version DROP CONSTRAINT policy_version_approval_request_fk, DROP COLUMN approval_request_id`);
    for (const table of ['email_outbox', 'notification', 'audit_event', 'approval_comment', 'approval_decision', 'approval_request_stage', 'approval_request']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP FUNCTION append_only()`);
    await db.query(`ALTER TABLE policy_version DROP CONSTRAINT policy_version_change_kind_valid, DROP COLUMN effective_on, DROP COLUMN change_kind`);
    await db.query(`ALTER TABLE policy DROP CONSTRAINT policy_approval_route_fk, DROP COLUMN approval_route_id`);
    for (const table of ['approval_route_stage', 'approval_route', 'governance_body_member']) await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE governance_body DROP CONSTRAINT governance_body_quorum_valid, DROP COLUMN quorum`);
    await db.query(`ALTER TABLE membership DROP CONSTRAINT membership_tenant_id_unique`);
  }
}
