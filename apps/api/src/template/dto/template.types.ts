import { Field, ID, ObjectType } from '@nestjs/graphql';
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
