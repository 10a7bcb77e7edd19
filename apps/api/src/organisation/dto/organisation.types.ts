import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum OrganisationKindGql {
  TRUST = 'trust',
  SCHOOL = 'school',
  PUBLISHER = 'publisher',
}
registerEnumType(OrganisationKindGql, { name: 'OrganisationKind' });

export enum RoleGql {
  ADMIN = 'admin',
  AUTHOR = 'author',
  APPROVER = 'approver',
  PUBLISHER = 'publisher',
  VIEWER = 'viewer',
}
registerEnumType(RoleGql, { name: 'Role', description: "A person's role in an organisation." });

@ObjectType('OrganisationRef', { description: 'An organisation as others may see it: name, slug and kind.' })
export class OrganisationRef {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
  @Field(() => OrganisationKindGql) kind!: OrganisationKindGql;
}

@ObjectType('Membership')
export class Membership {
  @Field(() => ID) id!: string;
  @Field(() => RoleGql) role!: RoleGql;
  organisationId!: string;
  schoolId!: string | null;
}
