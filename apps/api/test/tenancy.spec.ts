/**
 * Row-level security, checked as the runtime role the app really uses (never as a
 * superuser, which would bypass it and pass falsely).
 */
import { asOwner, asRuntime, createTenant, RUNTIME_URL, type TestTenant } from './support/harness';
import { Client } from 'pg';

let a: TestTenant;
let b: TestTenant;

beforeAll(async () => {
  [a, b] = await Promise.all([createTenant(), createTenant()]);
});

async function tenantTables(): Promise<string[]> {
  return asOwner(async (db) => {
    const { rows } = await db.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
         AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id' AND NOT a.attisdropped)
       ORDER BY 1`);
    return rows.map((row) => row.relname as string);
  });
}

describe('the schema', () => {
  it('has forced row-level security, a policy with USING and WITH CHECK, and a NOT NULL organisation_id on every tenant table', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['membership', 'governance_body', 'policy', 'policy_version', 'publication']));
    const problems = await asOwner(async (db) => {
      const { rows } = await db.query(
        `SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
                (SELECT a.attnotnull FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organisation_id') AS not_null,
                EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polcmd = '*' AND p.polqual IS NOT NULL AND p.polwithcheck IS NOT NULL) AS has_policy
           FROM pg_class c WHERE c.relname = ANY($1) AND c.relnamespace = 'public'::regnamespace`,
        [tables],
      );
      return rows.filter((row) => !(row.relrowsecurity && row.relforcerowsecurity && row.not_null && row.has_policy)).map((row) => row.relname);
    });
    expect(problems).toEqual([]);
  });

  it('gives the runtime role no way round row-level security', async () => {
    const client = new Client({ connectionString: RUNTIME_URL() });
    await client.connect();
    try {
      const role = (
        await client.query(`
          SELECT r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
                 (SELECT count(*)::int FROM pg_class c WHERE c.relowner = r.oid) AS owned,
                 (SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                     AND (has_table_privilege(current_user, c.oid, 'TRUNCATE') OR has_table_privilege(current_user, c.oid, 'REFERENCES'))) AS truncatable,
                 has_schema_privilege(current_user, 'public', 'CREATE') AS can_create
            FROM pg_roles r WHERE r.rolname = current_user`)
      ).rows[0];
      expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false, owned: 0, truncatable: 0, can_create: false });
      await expect(client.query('TRUNCATE policy')).rejects.toThrow(/permission denied/);
      await expect(client.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
    } finally {
      await client.end();
    }
  });
});

describe('row-level security as the runtime role', () => {
  it('returns only the caller tenant rows when the query has no tenant filter at all', async () => {
    const rows = await asRuntime(a.organisationId, async (db) => (await db.query('SELECT organisation_id FROM policy')).rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.organisation_id === a.organisationId)).toBe(true);
    const versions = await asRuntime(a.organisationId, async (db) => (await db.query('SELECT id FROM policy_version WHERE id = $1', [b.versionId])).rows);
    expect(versions).toEqual([]);
  });

  it('returns no rows from any tenant table without a tenant context', async () => {
    const tables = await tenantTables();
    const counts = await asRuntime(null, async (db) => {
      const result: Record<string, number> = {};
      for (const table of tables) result[table] = (await db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      return result;
    });
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
  });

  it("refuses to write a row into another tenant, and cannot touch the other tenant's rows", async () => {
    await expect(
      asRuntime(a.organisationId, (db) => db.query(`INSERT INTO policy (organisation_id, slug, title) VALUES ($1, 'smuggled', 'Smuggled')`, [b.organisationId])),
    ).rejects.toThrow(/row-level security/);
    const updated = await asRuntime(a.organisationId, async (db) => (await db.query(`UPDATE policy SET title = 'Hijacked' WHERE id = $1`, [b.policyId])).rowCount);
    expect(updated).toBe(0);
    const title = await asOwner(async (db) => (await db.query('SELECT title FROM policy WHERE id = $1', [b.policyId])).rows[0].title);
    expect(title).not.toBe('Hijacked');
  });

  it('makes a cross-tenant reference impossible even when the inserting tenant is right', async () => {
    await expect(
      asRuntime(a.organisationId, (db) =>
        db.query(`INSERT INTO publication (organisation_id, school_id, policy_id, policy_version_id) VALUES ($1, $2, $3, $4)`, [
          a.organisationId,
          b.schoolId,
          a.policyId,
          a.versionId,
        ]),
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('forgets the tenant when the transaction ends: the next transaction on the same connection sees nothing', async () => {
    const client = new Client({ connectionString: RUNTIME_URL() });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.organisation_id', $1, true)`, [a.organisationId]);
      expect((await client.query('SELECT count(*)::int AS n FROM policy')).rows[0].n).toBeGreaterThan(0);
      await client.query('COMMIT');
      expect((await client.query('SELECT count(*)::int AS n FROM policy')).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});
