import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Membership } from '../../organisation/dto/organisation.types';

@InputType()
export class SignInInput {
  @Field()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Enter an email address, like name@school.org.uk.' })
  @MaxLength(320)
  email!: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Enter your password.' })
  @MaxLength(1024)
  password!: string;
}

@ObjectType('Person')
export class Person {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
}

@ObjectType('Viewer', { description: 'The signed-in person, their memberships and the organisation they are working in.' })
export class Viewer {
  @Field(() => Person) person!: Person;
  @Field(() => [Membership]) memberships!: Membership[];
  @Field(() => Membership, { nullable: true }) activeMembership!: Membership | null;
}
