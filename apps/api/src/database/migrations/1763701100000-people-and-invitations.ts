import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and invitations (ADR 22).
 *
 * - `invitation`: an organisation's invitation of an email address, with a role and optionally
 *   one of its academies. Only the SHA-256 of the link's token is stored; re-sending replaces it
 *   (the old link stops working). At most one pending invitation per email and organisation.
 *   The runtime role may read, add, re-send and cancel (column grants); only the functions below
 *   mark an invitation accepted.
 * - Before anyone knows the tenant, a token is looked up and consumed by two SECURITY DEFINER
 *   functions keyed by the token's hash. They find the row through a policy that only their
 *   owner has and that only matches the hash they set, then work under the invitation's tenant.
 *   Both settings are put back before they return (an error aborts the caller's transaction or
 *   savepoint, which undoes them too), so nothing leaks to the caller. A SET clause would do this
 *   by itself, but Postgres lets only a superuser attach a custom setting to a function. `accept_invitation` is the only way the runtime role can create a person:
 *   it keeps SELECT only on `person`.
 */
const TENANT = `nullif(current_setting('app.organisation_id', true), '')::uuid`;
const TOKEN_HASH = `decode(nullif(current_setting('app.invitation_token_hash', true), ''), 'hex')`;

export class PeopleAndInvitations1763701100000 implements MigrationInterface {
  name = 'PeopleAndInvitations1763701100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE invitation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        school_id uuid NULL,
        email text NOT NULL,
        role text NOT NULL,
        token_hash bytea NOT NULL,
        invited_by uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz NULL,
        accepted_by uuid NULL,
        cancelled_at timestamptz NULL,
        CONSTRAINT invitation_pk PRIMARY KEY (id),
        CONSTRAINT invitation_tenant_id_unique UNIQUE (organisation_id, id),
        CONSTRAINT invitation_token_hash_unique UNIQUE (token_hash),
        CONSTRAINT invitation_token_hash_length CHECK (length(token_hash) = 32),
        CONSTRAINT invitation_email_format CHECK (email = lower(email) AND length(email) <= 254 AND email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        CONSTRAINT invitation_role_valid CHECK (role IN ('admin', 'author', 'approver', 'publisher', 'viewer')),
        CONSTRAINT invitation_academy_roles CHECK (school_id IS NULL OR role IN ('author', 'publisher', 'viewer')),
        CONSTRAINT invitation_accepted_or_cancelled CHECK (accepted_at IS NULL OR cancelled_at IS NULL),
        CONSTRAINT invitation_accepted_by_someone CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
        CONSTRAINT invitation_organisation_fk FOREIGN KEY (organisation_id) REFERENCES organisation (id),
        CONSTRAINT invitation_school_of_organisation_fk FOREIGN KEY (organisation_id, school_id) REFERENCES organisation (parent_id, id),
        CONSTRAINT invitation_invited_by_fk FOREIGN KEY (invited_by) REFERENCES person (id) ON DELETE SET NULL,
        CONSTRAINT invitation_accepted_by_fk FOREIGN KEY (accepted_by) REFERENCES person (id) ON DELETE SET NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX invitation_one_pending_per_email ON invitation (organisation_id, email) WHERE accepted_at IS NULL AND cancelled_at IS NULL`);
    await db.query(`CREATE INDEX invitation_tenant_idx ON invitation (organisation_id)`);
    await db.query(`ALTER TABLE invitation ENABLE ROW LEVEL SECURITY`);
    await db.query(`ALTER TABLE invitation FORCE ROW LEVEL SECURITY`);
    await db.query(`CREATE POLICY invitation_tenant_isolation ON invitation USING (organisation_id = ${TENANT}) WITH CHECK (organisation_id = ${TENANT})`);
    // For the functions below only (they run as the owner): the one row whose token hash they set.
    await db.query(`CREATE POLICY invitation_by_token ON invitation FOR SELECT TO CURRENT_USER USING (token_hash = ${TOKEN_HASH})`);

    await db.query(`GRANT SELECT, INSERT ON invitation TO ratify_runtime`);
    await db.query(`GRANT UPDATE (role, school_id, token_hash, invited_by, sent_at, expires_at, cancelled_at) ON invitation TO ratify_runtime`);

    await db.query(`
      CREATE FUNCTION invitation_facts(p_token_hash bytea)
        RETURNS TABLE (organisation_name text, school_name text, role text, email text)
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, public
      AS $$
      #variable_conflict use_column
      DECLARE
        v_previous_hash text := current_setting('app.invitation_token_hash', true);
      BEGIN
        PERFORM set_config('app.invitation_token_hash', encode(p_token_hash, 'hex'), true);
        RETURN QUERY
          SELECT o.name, s.name, i.role, i.email
            FROM invitation i
            JOIN organisation o ON o.id = i.organisation_id
            LEFT JOIN organisation s ON s.id = i.school_id
           WHERE i.token_hash = p_token_hash AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > now();
        PERFORM set_config('app.invitation_token_hash', coalesce(v_previous_hash, ''), true);
      END $$`);

    await db.query(`
      CREATE FUNCTION accept_invitation(p_token_hash bytea, p_person_id uuid, p_display_name text, p_password_hash text)
        RETURNS TABLE (organisation_id uuid, membership_id uuid, person_id uuid, invitation_id uuid, created_person boolean)
        LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, public
      AS $$
      #variable_conflict use_column
      DECLARE
        v_tenant uuid;
        v_invitation invitation%ROWTYPE;
        v_person uuid := p_person_id;
        v_membership uuid;
        v_created boolean := false;
        v_previous_hash text := current_setting('app.invitation_token_hash', true);
        v_previous_tenant text := current_setting('app.organisation_id', true);
      BEGIN
        PERFORM set_config('app.invitation_token_hash', encode(p_token_hash, 'hex'), true);
        SELECT i.organisation_id INTO v_tenant FROM invitation i WHERE i.token_hash = p_token_hash;
        PERFORM set_config('app.invitation_token_hash', coalesce(v_previous_hash, ''), true);
        IF v_tenant IS NULL THEN RETURN; END IF;
        PERFORM set_config('app.organisation_id', v_tenant::text, true);
        SELECT * INTO v_invitation FROM invitation i
         WHERE i.organisation_id = v_tenant AND i.token_hash = p_token_hash
           AND i.accepted_at IS NULL AND i.cancelled_at IS NULL AND i.expires_at > now()
           FOR UPDATE;
        IF NOT FOUND THEN
          PERFORM set_config('app.organisation_id', coalesce(v_previous_tenant, ''), true);
          RETURN;
        END IF;

        IF v_person IS NULL THEN
          IF EXISTS (SELECT 1 FROM person p WHERE p.email = v_invitation.email) THEN
            RAISE EXCEPTION 'an account with the invited email already exists' USING ERRCODE = 'RA001';
          END IF;
          IF p_display_name IS NULL OR p_password_hash IS NULL THEN
            RAISE EXCEPTION 'a new person needs a name and a password' USING ERRCODE = 'RA003';
          END IF;
          INSERT INTO person (email, display_name, password_hash) VALUES (v_invitation.email, p_display_name, p_password_hash) RETURNING id INTO v_person;
          v_created := true;
        ELSIF NOT EXISTS (SELECT 1 FROM person p WHERE p.id = v_person AND p.email = v_invitation.email) THEN
          RAISE EXCEPTION 'the invitation is for another email' USING ERRCODE = 'RA002';
        END IF;

        INSERT INTO membership (organisation_id, school_id, person_id, role)
             VALUES (v_tenant, v_invitation.school_id, v_person, v_invitation.role)
        ON CONFLICT ON CONSTRAINT membership_one_per_place DO NOTHING
        RETURNING id INTO v_membership;
        IF v_membership IS NULL THEN
          SELECT m.id INTO v_membership FROM membership m
           WHERE m.organisation_id = v_tenant AND m.school_id IS NOT DISTINCT FROM v_invitation.school_id AND m.person_id = v_person;
        END IF;
        UPDATE invitation i SET accepted_at = now(), accepted_by = v_person WHERE i.organisation_id = v_tenant AND i.id = v_invitation.id;
        PERFORM set_config('app.organisation_id', coalesce(v_previous_tenant, ''), true);
        RETURN QUERY SELECT v_tenant, v_membership, v_person, v_invitation.id, v_created;
      END $$`);

    for (const fn of ['invitation_facts(bytea)', 'accept_invitation(bytea, uuid, text, text)']) {
      await db.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await db.query(`GRANT EXECUTE ON FUNCTION ${fn} TO ratify_runtime`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION accept_invitation(bytea, uuid, text, text)`);
    await db.query(`DROP FUNCTION invitation_facts(bytea)`);
    await db.query(`DROP TABLE invitation`);
  }
}
