import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { DateScalar } from '../../common/scalars';

@ObjectType('Template', { description: 'A model policy a publisher offers for cloning.' })
export class Template {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() slug!: string;
  @Field() statutory!: boolean;
  @Field(() => String, { nullable: true }) summary!: string | null;
  publisherId!: string;
}

@ObjectType('TemplateVersion', { description: 'A release of a template: the text that is cloned.' })
export class TemplateVersion {
  @Field(() => ID) id!: string;
  @Field({ description: 'major.minor, e.g. "1.0"' }) number!: string;
  @Field(() => DateScalar) releasedOn!: string;
  @Field(() => String, { nullable: true }) changeSummary!: string | null;
  templateId!: string;
  publisherId!: string;
  content!: object;
}

@InputType()
export class ReleaseTemplateInput {
  @Field(() => ID, { description: "The publisher's own policy; its current (approved) version is released." })
  @IsString()
  policyId!: string;

  @Field({ description: 'A major release (2.0 after 1.3) rather than a minor one (1.4).', defaultValue: false })
  @IsBoolean()
  major!: boolean;

  @Field({ description: 'What changed, as the organisations that cloned it will read it.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'Say what changed in this release.' })
  @MaxLength(2000, { message: 'A change summary can be at most 2,000 characters.' })
  changeSummary!: string;
}
