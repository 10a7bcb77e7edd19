import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { trim } from '../../common/transforms';

@ObjectType('Term', { description: "One of the organisation's own words: what a model policy says, and what we say." })
export class Term {
  @Field() from!: string;
  @Field() to!: string;
}

@InputType()
export class TermInput {
  @Field()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Each term needs the words to replace.' })
  @MaxLength(100, { message: 'A term can be at most 100 characters.' })
  from!: string;

  @Field()
  @Transform(trim)
  @IsString()
  @MaxLength(100, { message: 'A term can be at most 100 characters.' })
  to!: string;
}

@InputType()
export class SetTerminologyInput {
  @Field(() => [TermInput])
  @IsArray()
  @ArrayMaxSize(100, { message: 'Keep the list to at most 100 terms.' })
  @ValidateNested({ each: true })
  @Type(() => TermInput)
  terms!: TermInput[];
}

@ObjectType('TermCount')
export class TermCount {
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('TermProposal', { description: 'What the terminology would change in one heading or clause.' })
export class TermProposal {
  @Field(() => ID, { description: 'The section id (heading) or clause id.' }) id!: string;
  @Field() where!: string;
  @Field() before!: string;
  @Field() after!: string;
  @Field(() => [TermCount]) replacements!: TermCount[];
}

@InputType()
export class ApplyTerminologyInput {
  @Field(() => ID)
  @IsString()
  versionId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => [ID], { description: 'The headings and clauses whose proposals were accepted.' })
  @IsArray()
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  accept!: string[];
}
