import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { PolicyVersion } from '../../policy/dto/policy.types';
import { TemplateVersion } from '../../template/dto/template.types';

@ObjectType('UpstreamChange', { description: 'One thing the template release changed, and what the update does with it in your text.' })
export class UpstreamChange {
  @Field({ description: '"clause" or "heading"' }) target!: string;
  @Field(() => ID, { description: 'The clause id, or the section id of a heading.' }) id!: string;
  @Field({ description: '"changed", "added", "removed" or "moved"' }) change!: string;
  @Field({
    description:
      '"applied" (your text takes it automatically), "conflict" (you changed it too: decide), "already-in-your-text" (you made the same change) or "not-in-your-text" (you removed it).',
  })
  outcome!: string;
  @Field(() => String, { nullable: true, description: 'The heading of the section it is in.' }) sectionHeading!: string | null;
  @Field(() => String, { nullable: true, description: 'The text in the release you are on; null when added.' }) before!: string | null;
  @Field(() => String, { nullable: true, description: 'The text in the new release; null when removed.' }) after!: string | null;
  @Field(() => ID, { nullable: true }) conflictId!: string | null;
}

@ObjectType('UpstreamConflict', { description: 'A clause or heading both the template and you changed: choose theirs, yours, or an edit.' })
export class UpstreamConflict {
  @Field(() => ID, { description: '"clause:{clauseId}" or "heading:{sectionId}"' }) id!: string;
  @Field({ description: '"modify/modify", "modify/delete", "delete/modify", "add/add" or "add/delete" (the template\'s side first)' }) kind!: string;
  @Field({ description: '"clause" or "heading"' }) target!: string;
  @Field(() => ID) targetId!: string;
  @Field(() => String, { nullable: true, description: 'The text in the release you are on.' }) base!: string | null;
  @Field(() => String, { nullable: true, description: 'The text in the new release; null when it removed it.' }) theirs!: string | null;
  @Field(() => String, { nullable: true, description: 'Your text; null when you removed it.' }) ours!: string | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: "The new release's clause or heading as ProseMirror JSON, to start an edit from." }) theirsContent!: object | null;
  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Your clause or heading as ProseMirror JSON.' }) oursContent!: object | null;
}

@ObjectType('UpstreamUpdate', { description: "A template's new release compared, clause by clause, with the release your text is based on and with your text." })
export class UpstreamUpdate {
  @Field(() => TemplateVersion, { description: 'The release your text is based on.' }) from!: TemplateVersion;
  @Field(() => TemplateVersion, { description: 'The new release.' }) to!: TemplateVersion;
  @Field(() => PolicyVersion, { description: 'Your text the update goes into: the open draft, else the current version (a new draft is started from it).' })
  into!: PolicyVersion;
  @Field(() => [UpstreamChange], { description: 'What the template changed, in reading order.' }) changes!: UpstreamChange[];
  @Field(() => [UpstreamConflict]) conflicts!: UpstreamConflict[];
  @Field(() => Int, { description: 'Clauses you changed that the template did not: kept as you have them.' }) keptYours!: number;
}

@InputType()
export class ConflictResolutionInput {
  @Field(() => ID) @IsString() @MaxLength(200) conflictId!: string;

  @Field(() => String, { nullable: true, description: '"theirs" or "ours"; or give edited instead.' })
  @IsOptional()
  @IsIn(['theirs', 'ours'], { message: 'Take "theirs" or "ours", or give an edited text.' })
  take?: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'The clause (keeping its clause id) or heading as you want it.' })
  @IsOptional()
  @IsObject()
  edited?: Record<string, unknown>;
}

@InputType()
export class AcceptUpstreamUpdateInput {
  @Field(() => ID) @IsString() policyId!: string;
  @Field(() => ID, { description: 'The release to update to (as compared).' }) @IsString() templateVersionId!: string;
  @Field(() => ID, { description: 'UpstreamUpdate.into: the version the comparison was made on.' }) @IsString() intoVersionId!: string;
  @Field(() => Int, { description: "UpstreamUpdate.into's revision." }) @IsInt() @Min(1) expectedRevision!: number;

  @Field(() => [ConflictResolutionInput], { description: 'One decision per conflict.' })
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => ConflictResolutionInput)
  resolutions!: ConflictResolutionInput[];
}
