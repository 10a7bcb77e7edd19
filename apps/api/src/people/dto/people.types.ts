import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Person } from '../../auth/dto/auth.types';
import { PASSWORD_RULES } from '../../auth/password';
import { trim } from '../../common/transforms';
import { PersonRef } from '../../governance/dto/governance.types';
import { OrganisationRef, RoleGql } from '../../organisation/dto/organisation.types';

@ObjectType('Member', { description: "Someone's membership of the organisation, as its admins see it." })
export class Member {
  @Field(() => ID) membershipId!: string;
  @Field(() => Person) person!: Person;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => OrganisationRef, { nullable: true, description: 'The academy the membership is at, if it is at one.' }) school!: OrganisationRef | null;
  @Field(() => GraphQLISODateTime) joinedAt!: Date;
}

@ObjectType('Invitation', { description: 'An invitation that has not been accepted or cancelled yet (it may have expired).' })
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => OrganisationRef, { nullable: true, description: 'The academy the invitation is for, if it is for one.' }) school!: OrganisationRef | null;
  @Field(() => PersonRef, { nullable: true, description: 'Who sent it last.' }) invitedBy!: PersonRef | null;
  @Field(() => GraphQLISODateTime, { description: 'When it was last sent.' }) sentAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'The link no longer works; send it again for a new one.' }) expired!: boolean;
}

@ObjectType('People', { description: "The organisation's people and the invitations waiting for an answer." })
export class People {
  @Field(() => [Member]) members!: Member[];
  @Field(() => [Invitation]) invitations!: Invitation[];
}

@ObjectType('InvitationFacts', { description: 'What an invitation link offers, for the person who holds it: nothing else.' })
export class InvitationFacts {
  @Field() organisationName!: string;
  @Field(() => RoleGql) role!: RoleGql;
  @Field(() => String, { nullable: true, description: 'The academy, for an invitation to work at one.' }) schoolName!: string | null;
  @Field() email!: string;
}

const lowerCaseTrimmed = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim().toLowerCase() : value);

@InputType()
export class InviteMemberInput {
  @Field()
  @Transform(lowerCaseTrimmed)
  @IsEmail({}, { message: 'Enter an email address, like name@school.org.uk.' })
  @MaxLength(254, { message: 'An email address can be at most 254 characters.' })
  email!: string;

  @Field(() => RoleGql) @IsEnum(RoleGql) role!: RoleGql;

  @Field(() => ID, { nullable: true, description: 'One of the trust’s academies, for an author, publisher or viewer who works there.' })
  @IsOptional()
  @IsString()
  schoolId?: string;
}

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID) @IsString() membershipId!: string;
  @Field(() => RoleGql) @IsEnum(RoleGql) role!: RoleGql;

  @Field(() => ID, { nullable: true, description: 'One of the trust’s academies; the whole trust when omitted.' })
  @IsOptional()
  @IsString()
  schoolId?: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field() @IsString() @MaxLength(100) token!: string;

  @Field({ nullable: true, description: 'For someone new to Ratify: their name.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter your name.' })
  @MaxLength(120, { message: 'A name can be at most 120 characters.' })
  displayName?: string;

  @Field({ nullable: true, description: `For someone new to Ratify: a password of at least ${PASSWORD_RULES.minLength} characters.` })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_RULES.minLength, { message: `Choose a password of at least ${PASSWORD_RULES.minLength} characters.` })
  @MaxLength(PASSWORD_RULES.maxLength, { message: `A password can be at most ${PASSWORD_RULES.maxLength} characters.` })
  password?: string;
}
