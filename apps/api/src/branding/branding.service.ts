/**
 * A trust's branding and its academies' overrides: read as one effective look per place, changed
 * by the trust's admins (trust) or an academy's staff (their academy), and turned into the
 * rendition's `Branding` (with the logo's bytes inline) when a policy is published.
 */
import { Injectable } from '@nestjs/common';
import { contrastRatio, DEFAULT_BRANDING, MINIMUM_CONTRAST, type Branding as RenditionBranding, type CoverField, type FontFamily } from '@ratify/pdf';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError, ErrorCode } from '../common/errors';
import { parseId } from '../common/ids';
import { RequestContext } from '../common/request-context';
import { Database } from '../database/database.service';
import { OrganisationService } from '../organisation/organisation.service';
import { FileStore, fileKey, sha256 } from '../storage/file-store';
import { BrandingSettingGql, type BrandFontGql, type CoverFieldGql, type SetBrandingInput } from './dto/branding.types';
import { reencodeLogo } from './logo';

interface BrandingRow {
  schoolId: string | null;
  primaryColour: string | null;
  accentColour: string | null;
  font: FontFamily | null;
  strapline: string | null;
  logoAssetId: string | null;
  coverFields: CoverField[] | null;
  contactEmail: string | null;
  keepArchive: boolean | null;
}

export interface AssetRow {
  id: string;
  sha256: string;
  width: number;
  height: number;
}

/** The effective look of one place: the school's own settings over the trust's over the defaults. */
export interface EffectiveBranding {
  schoolId: string | null;
  primaryColour: string;
  accentColour: string;
  font: FontFamily;
  strapline: string | null;
  logo: AssetRow | null;
  coverFields: CoverField[];
  contactEmail: string | null;
  keepArchive: boolean;
  overrides: BrandingSettingGql[];
}

const SETTINGS: { setting: BrandingSettingGql; column: keyof BrandingRow }[] = [
  { setting: BrandingSettingGql.PRIMARY_COLOUR, column: 'primaryColour' },
  { setting: BrandingSettingGql.ACCENT_COLOUR, column: 'accentColour' },
  { setting: BrandingSettingGql.FONT, column: 'font' },
  { setting: BrandingSettingGql.STRAPLINE, column: 'strapline' },
  { setting: BrandingSettingGql.LOGO, column: 'logoAssetId' },
  { setting: BrandingSettingGql.COVER_FIELDS, column: 'coverFields' },
  { setting: BrandingSettingGql.CONTACT_EMAIL, column: 'contactEmail' },
];

const BRANDING_SQL = `
  SELECT school_id AS "schoolId", primary_colour AS "primaryColour", accent_colour AS "accentColour", font, strapline,
         logo_asset_id AS "logoAssetId", cover_fields AS "coverFields", contact_email AS "contactEmail", keep_archive AS "keepArchive"
    FROM branding WHERE organisation_id = $1 AND (school_id IS NULL OR school_id = $2)`;

export async function effectiveBranding(manager: EntityManager, organisationId: string, schoolId: string | null): Promise<EffectiveBranding> {
  const rows: BrandingRow[] = await manager.query(BRANDING_SQL, [organisationId, schoolId]);
  const trust = rows.find((row) => row.schoolId === null);
  const school = schoolId ? rows.find((row) => row.schoolId === schoolId) : undefined;
  const pick = <K extends keyof BrandingRow>(column: K): BrandingRow[K] | null => school?.[column] ?? trust?.[column] ?? null;
  const logoId = pick('logoAssetId');
  const [logo]: AssetRow[] = logoId
    ? await manager.query(`SELECT id, sha256, width, height FROM asset WHERE organisation_id = $1 AND id = $2`, [organisationId, logoId])
    : [];
  return {
    schoolId,
    primaryColour: pick('primaryColour') ?? DEFAULT_BRANDING.primaryColour,
    accentColour: pick('accentColour') ?? DEFAULT_BRANDING.accentColour,
    font: pick('font') ?? DEFAULT_BRANDING.font,
    strapline: pick('strapline'),
    logo: logo ?? null,
    coverFields: pick('coverFields') ?? [...DEFAULT_BRANDING.coverFields],
    contactEmail: pick('contactEmail'),
    keepArchive: trust?.keepArchive ?? false,
    overrides: school ? SETTINGS.filter(({ column }) => school[column] !== null).map(({ setting }) => setting) : [],
  };
}

@Injectable()
export class BrandingService {
  constructor(
    private readonly database: Database,
    private readonly organisations: OrganisationService,
    private readonly files: FileStore,
    private readonly audit: AuditService,
  ) {}

  private membership() {
    return RequestContext.require().caller!.membership!;
  }

  async branding(schoolId: string | null | undefined): Promise<EffectiveBranding> {
    const membership = this.membership();
    const school = schoolId ? await this.organisations.schoolOf(membership.organisationId, schoolId) : null;
    return effectiveBranding(await this.database.manager(), membership.organisationId, school?.id ?? null);
  }

  async setBranding(input: SetBrandingInput): Promise<EffectiveBranding> {
    const membership = this.membership();
    const school = await this.organisations.editablePlace(membership, input.schoolId, 'branding');
    if (school && input.keepArchive !== undefined) throw new AppError(ErrorCode.BAD_USER_INPUT, 'Whether superseded versions stay public is the trust’s choice, for every academy.', { field: 'keepArchive' });
    for (const field of ['primaryColour', 'accentColour'] as const) {
      const colour = input[field];
      if (!colour) continue;
      const ratio = contrastRatio(colour, '#ffffff');
      if (ratio < MINIMUM_CONTRAST) {
        throw new AppError(
          ErrorCode.BAD_USER_INPUT,
          `${colour} is too light to read against white (contrast ${ratio.toFixed(1)}:1; at least ${MINIMUM_CONTRAST}:1 is needed). Choose a darker shade.`,
          { field, reason: 'LOW_CONTRAST', ratio: Number(ratio.toFixed(2)) },
        );
      }
    }
    const manager = await this.database.manager();
    if (input.logoId) {
      const [asset] = await manager.query(`SELECT id FROM asset WHERE organisation_id = $1 AND id = $2 AND kind = 'logo'`, [membership.organisationId, parseId(input.logoId, 'Logo')]);
      if (!asset) throw AppError.notFound('Logo');
    }
    const changes = ([
      ['primary_colour', input.primaryColour === undefined ? undefined : (input.primaryColour?.toLowerCase() ?? null)],
      ['accent_colour', input.accentColour === undefined ? undefined : (input.accentColour?.toLowerCase() ?? null)],
      ['font', input.font],
      ['strapline', input.strapline],
      ['logo_asset_id', input.logoId],
      ['cover_fields', input.coverFields],
      ['contact_email', input.contactEmail === undefined ? undefined : (input.contactEmail?.toLowerCase() ?? null)],
      ['keep_archive', input.keepArchive],
    ] as [string, unknown][]).filter((change) => change[1] !== undefined);
    if (changes.length) {
      const columns = changes.map(([column]) => column);
      const values = changes.map(([, value]) => value);
      await manager.query(
        `INSERT INTO branding (organisation_id, school_id, ${columns.join(', ')}) VALUES ($1, $2, ${columns.map((_, i) => `$${i + 3}`).join(', ')})
         ON CONFLICT (organisation_id, school_id) DO UPDATE SET ${columns.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}, updated_at = now()`,
        [membership.organisationId, school?.id ?? null, ...values],
      );
      await this.audit.record({ action: 'branding.changed', details: { school: school?.slug ?? null, changed: columns } });
    }
    return effectiveBranding(manager, membership.organisationId, school?.id ?? null);
  }

  /** An uploaded logo, validated and re-encoded, stored by its hash; not in use until setBranding names it. */
  async uploadLogo(upload: Buffer, schoolId: string | null | undefined): Promise<AssetRow> {
    const membership = this.membership();
    const school = await this.organisations.editablePlace(membership, schoolId, 'branding');
    const logo = await reencodeLogo(upload);
    const hash = sha256(logo.png);
    await this.files.put(fileKey(membership.organisationId, 'assets', hash, 'png'), logo.png, 'image/png');
    const manager = await this.database.manager();
    const [row]: AssetRow[] = await manager.query(
      `INSERT INTO asset (organisation_id, school_id, kind, content_type, sha256, byte_size, width, height, created_by)
       VALUES ($1, $2, 'logo', 'image/png', $3, $4, $5, $6, $7) RETURNING id, sha256, width, height`,
      [membership.organisationId, school?.id ?? null, hash, logo.png.length, logo.width, logo.height, RequestContext.require().caller!.personId],
    );
    return row!;
  }

  /** A logo of the caller's organisation, for previews in the app. */
  async logoPng(id: string): Promise<Buffer> {
    const organisationId = this.membership().organisationId;
    const manager = await this.database.manager();
    const [asset]: AssetRow[] = await manager.query(`SELECT id, sha256, width, height FROM asset WHERE organisation_id = $1 AND id = $2`, [organisationId, parseId(id, 'Logo')]);
    const bytes = asset ? await this.files.getVerified(fileKey(organisationId, 'assets', asset.sha256, 'png'), asset.sha256) : null;
    if (!bytes) throw AppError.notFound('Logo');
    return bytes;
  }
}

/** The rendition's branding: the effective settings with the logo's bytes as a data URL (nothing for pdfmake to fetch). */
export async function renditionBranding(files: FileStore, organisationId: string, branding: EffectiveBranding): Promise<RenditionBranding> {
  const logo = branding.logo;
  const bytes = logo ? await files.getVerified(fileKey(organisationId, 'assets', logo.sha256, 'png'), logo.sha256) : null;
  return {
    primaryColour: branding.primaryColour,
    accentColour: branding.accentColour,
    font: branding.font,
    strapline: branding.strapline,
    logo: logo && bytes ? { dataUrl: `data:image/png;base64,${bytes.toString('base64')}`, width: logo.width, height: logo.height } : null,
    coverFields: branding.coverFields,
  };
}

export function toFontGql(font: FontFamily): BrandFontGql {
  return font as BrandFontGql;
}

export function toCoverFieldsGql(fields: CoverField[]): CoverFieldGql[] {
  return fields as CoverFieldGql[];
}
