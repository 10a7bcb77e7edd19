/**
 * Two connections to the same database: the owner (DATABASE_URL, or the embedded superuser)
 * runs migrations and nothing else; the runtime role serves every request. The runtime
 * role is a member of ratify_runtime, owns nothing and cannot bypass row-level security.
 */
import { createHmac } from 'node:crypto';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { types } from 'pg';
import { MembershipEntity } from '../organisation/membership.entity';
import { GovernanceBodyEntity } from '../governance/governance-body.entity';
import { OrganisationEntity } from '../organisation/organisation.entity';
import { PersonEntity } from '../auth/person.entity';
import { SessionEntity } from '../auth/session.entity';
import { PolicyEntity } from '../policy/policy.entity';
import { PolicyVersionEntity } from '../policy/policy-version.entity';
import { PublicationEntity } from '../publication/publication.entity';
import { PolicyClauseEntity } from '../policy/policy-clause.entity';
import { TemplateEntity, TemplateVersionEntity } from '../template/template.entity';
import { Foundation1763700000000 } from './migrations/1763700000000-foundation';
import { SignInThrottle1763700100000 } from './migrations/1763700100000-sign-in-throttle';
import { DraftsAndSearch1763700200000 } from './migrations/1763700200000-drafts-and-search';
import { TemplateCatalogue1763700300000 } from './migrations/1763700300000-template-catalogue';
import { OrganisationTerminology1763700400000 } from './migrations/1763700400000-organisation-terminology';
import { VariableValues1763700500000 } from './migrations/1763700500000-variable-values';
import { SchoolVariants1763700600000 } from './migrations/1763700600000-school-variants';
import { UpstreamUpdates1763700700000 } from './migrations/1763700700000-upstream-updates';
import { Governance1763700800000 } from './migrations/1763700800000-governance';
import { Reviews1763700900000 } from './migrations/1763700900000-reviews';
import { Publishing1763701000000 } from './migrations/1763701000000-publishing';
import { PeopleAndInvitations1763701100000 } from './migrations/1763701100000-people-and-invitations';

// Dates are calendar dates: keep Postgres `date` values as 'YYYY-MM-DD' strings, never JS Dates.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

export const ENTITIES = [
  OrganisationEntity,
  PersonEntity,
  SessionEntity,
  MembershipEntity,
  GovernanceBodyEntity,
  PolicyEntity,
  PolicyVersionEntity,
  PublicationEntity,
  PolicyClauseEntity,
  TemplateEntity,
  TemplateVersionEntity,
];

/** In order; each is hand-written and reversible. */
export const MIGRATIONS = [Foundation1763700000000, SignInThrottle1763700100000, DraftsAndSearch1763700200000, TemplateCatalogue1763700300000, OrganisationTerminology1763700400000, VariableValues1763700500000, SchoolVariants1763700600000, UpstreamUpdates1763700700000, Governance1763700800000, Reviews1763700900000, Publishing1763701000000, PeopleAndInvitations1763701100000];

export const RUNTIME_GROUP_ROLE = 'ratify_runtime';
export const DEFAULT_APP_ROLE = 'ratify_app';

function options(url: string, poolSize: number, applicationName: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    applicationName,
    extra: { max: poolSize, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 },
    logging: ['error', 'warn'],
  };
}

export function ownerDataSource(url: string): DataSource {
  return new DataSource(options(url, 2, 'ratify-owner'));
}

export function runtimeDataSource(url: string, poolSize = 10): DataSource {
  return new DataSource(options(url, poolSize, 'ratify'));
}

/**
 * The runtime role's connection string: DATABASE_APP_URL when given, otherwise the owner's
 * server and database with the `ratify_app` role and a password derived from the owner's
 * URL (stable across replicas that share the configuration, secret as long as it is).
 */
export function deriveRuntimeUrl(ownerUrl: string, explicit?: string): { url: string; managedRole?: { name: string; password: string } } {
  if (explicit) return { url: explicit };
  const password = createHmac('sha256', ownerUrl).update('ratify_app runtime role').digest('base64url');
  const url = new URL(ownerUrl);
  url.username = DEFAULT_APP_ROLE;
  url.password = password;
  return { url: url.toString(), managedRole: { name: DEFAULT_APP_ROLE, password } };
}
