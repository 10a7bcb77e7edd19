import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins, kept briefly so that password guessing is slowed down per email and per
 * address, across every API instance. Global (no tenant): nobody is signed in yet.
 */
export class SignInThrottle1763700100000 implements MigrationInterface {
  name = 'SignInThrottle1763700100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sign_in_failure (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        address text NULL,
        failed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT sign_in_failure_pk PRIMARY KEY (id)
      )`);
    await db.query(`CREATE INDEX sign_in_failure_email_idx ON sign_in_failure (email, failed_at)`);
    await db.query(`CREATE INDEX sign_in_failure_address_idx ON sign_in_failure (address, failed_at)`);
    await db.query(`GRANT SELECT, INSERT, DELETE ON sign_in_failure TO ratify_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sign_in_failure`);
  }
}
