import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString } from 'class-validator';
import { OrganisationRef } from '../../organisation/dto/organisation.types';

@InputType()
export class PublishPolicyInput {
  @Field(() => ID) @IsString() policyId!: string;

  @Field(() => [ID], { nullable: true, description: 'The academies to publish for; omitted: the trust itself and every academy.' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'Choose at least one academy to publish for, or leave the list out to publish for the trust and every academy.' })
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  schoolIds?: string[];
}

export enum PublishJobStatusGql {
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}
registerEnumType(PublishJobStatusGql, { name: 'PublishJobStatus', description: 'DONE: every copy was tried (see each item: some may have failed).' });

export enum PublishItemStatusGql {
  PENDING = 'pending',
  PUBLISHED = 'published',
  UNCHANGED = 'unchanged',
  FAILED = 'failed',
}
registerEnumType(PublishItemStatusGql, { name: 'PublishItemStatus', description: 'UNCHANGED: the same PDF and page were already public.' });

export enum PublishReasonGql {
  PUBLISHED = 'published',
  APPROVED = 'approved',
  REVIEWED = 'reviewed',
  REBRANDED = 'rebranded',
}
registerEnumType(PublishReasonGql, { name: 'PublishReason', description: 'Why the copies were published: asked for, a new version approved, a review with no change, new branding.' });

@ObjectType('PublishJobItem', { description: 'One copy of a publish job: the trust’s own or one academy’s.' })
export class PublishJobItem {
  @Field(() => OrganisationRef, { description: 'The trust or academy it is for.' }) publishedFor!: OrganisationRef;
  @Field(() => PublishItemStatusGql) status!: PublishItemStatusGql;
  @Field(() => String, { nullable: true, description: 'Why it failed, said so that someone can act on it.' }) error!: string | null;
  @Field({ description: 'Its public address (path), e.g. /p/willow-primary/use-of-social-media-policy.' }) path!: string;
}

@ObjectType('PublishJob', { description: 'Publishing a version for several places, one copy at a time: poll it to show progress.' })
export class PublishJob {
  @Field(() => ID) id!: string;
  @Field(() => ID) policyId!: string;
  @Field({ description: 'The version being published, e.g. "1.0".' }) versionNumber!: string;
  @Field(() => PublishReasonGql) reason!: PublishReasonGql;
  @Field(() => PublishJobStatusGql) status!: PublishJobStatusGql;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Copies finished (published, unchanged or failed).' }) done!: number;
  @Field(() => Int) failed!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt!: Date | null;
  @Field(() => [PublishJobItem]) items!: PublishJobItem[];
}

@ObjectType('Publication', { description: "A policy's approved version, public for the trust or one academy, as stored artefacts." })
export class Publication {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationRef, { description: 'The trust or academy it is public for.' }) publishedFor!: OrganisationRef;
  @Field({ description: 'The version number, e.g. "1.0".' }) versionNumber!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field({ description: 'Its public web page (path), e.g. /p/willow-primary/use-of-social-media-policy.' }) path!: string;
  @Field({ description: 'Its public PDF (path): the page path with .pdf.' }) pdfPath!: string;
  @Field({ description: 'SHA-256 of the PDF as published (hex).' }) pdfSha256!: string;
  @Field({ description: 'SHA-256 of the web page as published (hex).' }) htmlSha256!: string;
}
