/**
 * Branding: how published policies look, for the trust and for each academy (with the trust's,
 * which an academy takes for every setting not its own). Loaded per place; saving sends only
 * what changed; a logo is uploaded first (REST) and put in use by saving.
 */
import { defineStore } from 'pinia';
import { ref, toRef } from 'vue';
import { postForm, request } from '../graphql/client';
import { BrandingSettingsDocument, RepublishAllDocument, SetBrandingDocument, type SetBrandingInput } from '../graphql/operations.generated';
import { actionFailure, loadRemote, type ActionResult, type Remote } from '../graphql/remote';
import { brandingFailure, type BrandingFailure } from './branding-failures';
import type { Branding, Logo } from './branding-form';

/** A place's branding: the trust's, and the academy's when the place is one. */
export interface BrandingSettings {
  trust: Branding;
  academy: Branding | null;
}

export type SaveResult = { ok: true } | ({ ok: false } & BrandingFailure);

export const LOGO_ENDPOINT = '/api/branding/logo';

const placeKey = (schoolId: string | null) => schoolId ?? 'trust';

export const useBrandingStore = defineStore('branding', () => {
  const byPlace = ref<Record<string, Remote<BrandingSettings>>>({});

  function entry(schoolId: string | null): Remote<BrandingSettings> | undefined {
    return byPlace.value[placeKey(schoolId)];
  }

  async function load(schoolId: string | null): Promise<void> {
    await loadRemote(toRef(byPlace.value, placeKey(schoolId)), async () => {
      const answer = await request(BrandingSettingsDocument, { schoolId, forAcademy: schoolId !== null });
      return { trust: answer.trust, academy: answer.academy ?? null };
    });
  }

  /** Saves the changes for the trust (no schoolId) or an academy; the answer replaces the place's branding. */
  async function save(schoolId: string | null, changes: Omit<SetBrandingInput, 'schoolId'>): Promise<SaveResult> {
    try {
      const { setBranding } = await request(SetBrandingDocument, { input: schoolId ? { ...changes, schoolId } : changes });
      const current = byPlace.value[placeKey(schoolId)]?.data;
      const settings = schoolId ? { trust: current?.trust ?? setBranding, academy: setBranding } : { trust: setBranding, academy: null };
      // Academies take the trust's settings: what they show must be asked again.
      if (!schoolId) byPlace.value = {};
      byPlace.value[placeKey(schoolId)] = { status: 'ready', data: settings, error: null };
      return { ok: true };
    } catch (error) {
      return { ok: false, ...brandingFailure(error) };
    }
  }

  /** Publishes every public policy again with the saved branding (the trust's admins): the jobs started. */
  async function republishAll(): Promise<ActionResult<{ jobs: { id: string; policyId: string; total: number }[] }>> {
    try {
      return { ok: true, jobs: (await request(RepublishAllDocument)).republishAll };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  /** Uploads a logo (multipart, field "file") for the place; not in use until saved. */
  async function uploadLogo(file: File, schoolId: string | null, signal?: AbortSignal): Promise<ActionResult<{ logo: Logo }>> {
    const form = new FormData();
    form.append('file', file, file.name);
    const path = schoolId ? `${LOGO_ENDPOINT}?schoolId=${encodeURIComponent(schoolId)}` : LOGO_ENDPOINT;
    try {
      return { ok: true, logo: await postForm<Logo>(path, form, { signal }) };
    } catch (error) {
      return { ok: false, ...actionFailure(error) };
    }
  }

  function clear(): void {
    byPlace.value = {};
  }

  return { byPlace, entry, load, save, republishAll, uploadLogo, clear };
});
