import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/transforms';

export enum BrandFontGql {
  ROBOTO = 'Roboto',
  DEJAVU_SANS = 'DejaVu Sans',
  DEJAVU_SERIF = 'DejaVu Serif',
}
registerEnumType(BrandFontGql, { name: 'BrandFont', description: 'The typefaces Ratify ships for PDFs.' });

export enum CoverFieldGql {
  STATUTORY = 'statutory',
  ADOPTED_ON = 'adoptedOn',
  AUTHOR = 'author',
  MONITORED_BY = 'monitoredBy',
  BOARD_RATIFICATION = 'boardRatification',
  APPROVED_BY = 'approvedBy',
  APPROVED_ON = 'approvedOn',
  REVIEW_CYCLE = 'reviewCycle',
  REVIEW_DATE = 'reviewDate',
}
registerEnumType(CoverFieldGql, { name: 'CoverField', description: "A row of the cover's document-control block." });

export enum BrandingSettingGql {
  PRIMARY_COLOUR = 'primaryColour',
  ACCENT_COLOUR = 'accentColour',
  FONT = 'font',
  STRAPLINE = 'strapline',
  LOGO = 'logo',
  COVER_FIELDS = 'coverFields',
  CONTACT_EMAIL = 'contactEmail',
}
registerEnumType(BrandingSettingGql, { name: 'BrandingSetting' });

@ObjectType('Logo', { description: 'An uploaded logo, re-encoded as PNG.' })
export class LogoAsset {
  @Field(() => ID) id!: string;
  @Field(() => Int) width!: number;
  @Field(() => Int) height!: number;
  @Field({ description: 'Where signed-in people can see it: /api/assets/{id}.png.' }) url!: string;
}

@ObjectType('Branding', { description: "How a trust's (or one academy's) published policies look. An academy inherits every setting it has not set itself." })
export class Branding {
  @Field(() => ID, { nullable: true, description: "The academy, or null for the trust's own." }) schoolId!: string | null;
  @Field({ description: "'#rrggbb': headings, rules and the cover." }) primaryColour!: string;
  @Field({ description: "'#rrggbb': table headers and accents." }) accentColour!: string;
  @Field(() => BrandFontGql) font!: BrandFontGql;
  @Field(() => String, { nullable: true }) strapline!: string | null;
  @Field(() => LogoAsset, { nullable: true }) logo!: LogoAsset | null;
  @Field(() => [CoverFieldGql], { description: 'The document-control rows on the cover, in order.' }) coverFields!: CoverFieldGql[];
  @Field(() => String, { nullable: true, description: 'Where readers ask for a policy in another format (large print, paper, another language).' }) contactEmail!: string | null;
  @Field({ description: "The trust's choice: superseded versions stay public in each policy's archive." }) keepArchive!: boolean;
  @Field(() => [BrandingSettingGql], { description: "For an academy: the settings that are its own (the rest are the trust's)." }) overrides!: BrandingSettingGql[];
}

const COLOUR = /^#[0-9a-fA-F]{6}$/;

@InputType({ description: "Changes to a trust's or an academy's branding. Leave a field out to keep it; set it to null to clear it (an academy then uses the trust's)." })
export class SetBrandingInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'Choose an academy from the list.' }) schoolId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(COLOUR, { message: 'Write a colour as # and six hexadecimal digits, e.g. #1d5b2c.' }) primaryColour?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(COLOUR, { message: 'Write a colour as # and six hexadecimal digits, e.g. #1d5b2c.' }) accentColour?: string | null;
  @Field(() => BrandFontGql, { nullable: true }) @IsOptional() @IsEnum(BrandFontGql, { message: 'Choose one of the fonts offered.' }) font?: BrandFontGql | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Leave the strapline out, or write one.' })
  @MaxLength(200, { message: 'Keep the strapline to 200 characters.' })
  strapline?: string | null;
  @Field(() => ID, { nullable: true, description: 'A logo uploaded with POST /api/branding/logo.' }) @IsOptional() @IsUUID('all', { message: 'Upload the logo first.' }) logoId?: string | null;
  @Field(() => [CoverFieldGql], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: 'Each cover row can appear once.' })
  @ArrayMaxSize(9)
  @IsEnum(CoverFieldGql, { each: true, message: 'Choose cover rows from the list.' })
  coverFields?: CoverFieldGql[] | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'Write the contact address as an email address, e.g. office@school.example.' })
  @MaxLength(254)
  contactEmail?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() keepArchive?: boolean | null;
}
