import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Notification', { description: 'Something for you: a request awaiting your decision, a decision on your policy.' })
export class Notification {
  @Field(() => ID) id!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'The app path it is about.' }) link!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt!: Date | null;
}

@ObjectType('OutboxEmail', { description: 'An email Ratify sent, or will send when a mail server is configured.' })
export class OutboxEmail {
  @Field(() => ID) id!: string;
  @Field() to!: string;
  @Field() subject!: string;
  @Field() body!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while unsent.' }) sentAt!: Date | null;
  @Field(() => Int) attempts!: number;
  @Field(() => String, { nullable: true }) lastError!: string | null;
}

@ObjectType('Outbox')
export class Outbox {
  @Field({ description: 'Whether a mail server is configured (SMTP_URL); without one, email stays here.' }) delivering!: boolean;
  @Field(() => [OutboxEmail]) emails!: OutboxEmail[];
}
