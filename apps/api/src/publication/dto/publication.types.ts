import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import { GraphQLISODateTime } from '@nestjs/graphql';
import { OrganisationRef } from '../../organisation/dto/organisation.types';

@InputType()
export class PublishPolicyInput {
  @Field(() => ID) @IsString() policyId!: string;

  @Field(() => [ID], { nullable: true, description: 'The schools to publish for; omitted: the trust itself and every school.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  schoolIds?: string[];
}

@ObjectType('Publication', { description: "A policy's approved version, public for the trust or one school." })
export class Publication {
  @Field(() => ID) id!: string;
  @Field(() => OrganisationRef, { description: 'The trust or school it is public for.' }) publishedFor!: OrganisationRef;
  @Field({ description: 'The version number, e.g. "1.0".' }) versionNumber!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field({ description: 'Its public address (path), e.g. /p/willow-primary/use-of-social-media-policy.' }) path!: string;
}
