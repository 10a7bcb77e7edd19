import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';

@ObjectType('ClauseLock', { description: "How far schools may change a clause of the trust's policy." })
export class ClauseLock {
  @Field(() => ID) clauseId!: string;
  @Field({ description: '"locked", "editable" or "school-specific"' }) level!: string;
}

@InputType()
export class ClauseLockInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(64)
  clauseId!: string;

  @Field()
  @IsIn(['locked', 'editable', 'school-specific'], { message: 'A lock level is "locked", "editable" or "school-specific".' })
  level!: string;
}

@InputType()
export class SetClauseLocksInput {
  @Field(() => ID) @IsString() policyId!: string;

  @Field(() => [ClauseLockInput])
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ClauseLockInput)
  locks!: ClauseLockInput[];
}

@ObjectType('VariantDivergence', { description: "How far a school's copy is from the trust's policy." })
export class VariantDivergence {
  @Field(() => Int) trustClauses!: number;
  @Field(() => Int) keptAsIs!: number;
  @Field(() => [ID]) changed!: string[];
  @Field(() => [ID]) omitted!: string[];
  @Field(() => [ID]) added!: string[];
}

@ObjectType('Reconfirmation', { description: 'An override the school must look at again because the trust changed or removed its clause.' })
export class Reconfirmation {
  @Field(() => ID) clauseId!: string;
  @Field({
    description:
      '"trust-changed-clause" (the trust reworded the clause the school changed), "trust-removed-clause" or "trust-now-has-clause" (the trust adopted the clause the school added).',
  })
  reason!: string;
  @Field({ description: "Whether the override still applies to the school's copy (it is among overrides); if not, it waits to be made again." }) carried!: boolean;
  @Field(() => GraphQLJSONObject, { description: 'The override, as carried forward or as it was.' }) override!: object;
  @Field(() => ID, { nullable: true, description: 'For a clause added after a clause the trust removed: the clause it used to follow.' }) previousAnchor!: string | null;
}

@ObjectType('SchoolVariant', { description: "A school's copy of a trust policy: its overrides of the trust's current version." })
export class SchoolVariant {
  @Field(() => ID) policyId!: string;
  @Field(() => ID) schoolId!: string;
  @Field(() => ID, { nullable: true, description: 'The trust version the overrides were made on.' }) basedOnVersionId!: string | null;
  @Field(() => [GraphQLJSONObject]) overrides!: object[];
  @Field(() => VariantDivergence) divergence!: VariantDivergence;
  @Field(() => [Reconfirmation], { description: 'Overrides to look at again since the trust moved on; saving the overrides confirms them.' })
  needsReconfirmation!: Reconfirmation[];
  @Field({ description: "The school's copy as HTML, with its own variable values." }) html!: string;
}

@InputType()
export class SaveSchoolVariantInput {
  @Field(() => ID) @IsString() policyId!: string;
  @Field(() => ID) @IsString() schoolId!: string;

  @Field(() => [GraphQLJSONObject], { description: 'Overrides: { clauseId, kind: "replace", clause } | { clauseId, kind: "omit" } | { clauseId, kind: "add-after", clause }.' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsObject({ each: true })
  overrides!: Record<string, unknown>[];
}
