import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

@ObjectType('VariableValue', { description: 'A variable ({{school.headTitle}} …) and its value for the trust or one school.' })
export class VariableValue {
  @Field() key!: string;
  @Field() label!: string;
  @Field() description!: string;
  @Field({ description: '"trust" or "school"' }) scope!: string;
  @Field() required!: boolean;
  @Field({ description: '"text", "email" or "phone"' }) kind!: string;
  @Field(() => String, { nullable: true, description: 'The value set at this level (trust or school), if any.' }) value!: string | null;
  @Field(() => String, { nullable: true, description: 'The value a copy renders with: own, else the trust’s, else the default.' }) effectiveValue!: string | null;
  @Field(() => String, { nullable: true, description: 'Where effectiveValue comes from: "school", "trust" or "default".' }) source!: string | null;
}

@InputType()
export class VariableInput {
  @Field()
  @IsString()
  @MaxLength(60)
  key!: string;

  @Field({ description: 'An empty value clears it.' })
  @IsString()
  @MaxLength(300, { message: 'A value can be at most 300 characters.' })
  value!: string;
}

@InputType()
export class SetVariablesInput {
  @Field(() => ID, { nullable: true, description: 'The school; omitted for the trust-wide values.' })
  @IsOptional()
  @IsString()
  schoolId?: string;

  @Field(() => [VariableInput])
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => VariableInput)
  values!: VariableInput[];
}
