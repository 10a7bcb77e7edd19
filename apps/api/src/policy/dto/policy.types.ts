import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { DateScalar } from '../../common/scalars';

export enum VersionStatusGql {
  DRAFT = 'draft',
  IN_APPROVAL = 'in_approval',
  APPROVED = 'approved',
  SUPERSEDED = 'superseded',
}
registerEnumType(VersionStatusGql, { name: 'VersionStatus' });

@ObjectType('PolicyVersion', { description: 'A snapshot of a policy: its text and approval facts.' })
export class PolicyVersion {
  @Field(() => ID) id!: string;
  @Field({ description: 'major.minor, e.g. "1.0"' }) number!: string;
  @Field(() => VersionStatusGql) status!: VersionStatusGql;
  @Field(() => DateScalar, { nullable: true }) approvedOn!: string | null;
  @Field(() => DateScalar, { nullable: true }) nextReviewOn!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'The document as ProseMirror JSON.' }) content!: object;
  organisationId!: string;
}

@ObjectType('Policy')
export class Policy {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() slug!: string;
  @Field() statutory!: boolean;
  @Field(() => Int, { nullable: true, description: 'Months between reviews.' }) reviewCycleMonths!: number | null;
}
