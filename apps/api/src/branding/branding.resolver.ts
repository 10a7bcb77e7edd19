import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Members } from '../common/access';
import { Branding, SetBrandingInput } from './dto/branding.types';
import { BrandingService, toCoverFieldsGql, toFontGql, type EffectiveBranding } from './branding.service';

export function toBranding(branding: EffectiveBranding): Branding {
  return {
    schoolId: branding.schoolId,
    primaryColour: branding.primaryColour,
    accentColour: branding.accentColour,
    font: toFontGql(branding.font),
    strapline: branding.strapline,
    logo: branding.logo ? { id: branding.logo.id, width: branding.logo.width, height: branding.logo.height, url: `/api/assets/${branding.logo.id}.png` } : null,
    coverFields: toCoverFieldsGql(branding.coverFields),
    contactEmail: branding.contactEmail,
    keepArchive: branding.keepArchive,
    overrides: branding.overrides,
  };
}

@Resolver(() => Branding)
export class BrandingResolver {
  constructor(private readonly brandingService: BrandingService) {}

  @Query(() => Branding, { description: "The trust's branding, or an academy's (its own settings over the trust's)." })
  @Members()
  async branding(@Args('schoolId', { type: () => ID, nullable: true }) schoolId?: string): Promise<Branding> {
    return toBranding(await this.brandingService.branding(schoolId));
  }

  @Mutation(() => Branding, {
    description:
      "Changes the trust's branding (its admins) or an academy's (the trust's admins or the academy's staff). Published copies keep the look they were published with until published again. BAD_USER_INPUT (details.reason LOW_CONTRAST) for a colour too light to read on white.",
  })
  @Members('admin', 'publisher', 'author')
  async setBranding(@Args('input') input: SetBrandingInput): Promise<Branding> {
    return toBranding(await this.brandingService.setBranding(input));
  }
}
