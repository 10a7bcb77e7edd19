import { enableAutoUnmount, flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { BrandingFieldsFragment, SetBrandingInput } from '../graphql/operations.generated';
import { aViewer, gqlError, installFakeApi, type RestAnswer } from '../test/fake-api';
import { buttonByText, fieldByLabel, renderApp, settingsOffered } from '../test/render-app';

enableAutoUnmount(afterEach);

const ALL_ROWS: BrandingFieldsFragment['coverFields'] = ['STATUTORY', 'ADOPTED_ON', 'AUTHOR', 'MONITORED_BY', 'BOARD_RATIFICATION', 'APPROVED_BY', 'APPROVED_ON', 'REVIEW_CYCLE', 'REVIEW_DATE'];

const trustBranding: BrandingFieldsFragment = {
  schoolId: null,
  primaryColour: '#1d5b2c',
  accentColour: '#1d5b2c',
  font: 'ROBOTO',
  strapline: 'Growing together',
  logo: null,
  coverFields: ALL_ROWS,
  contactEmail: 'policies@oak-trust.example',
  keepArchive: false,
  overrides: [],
};

const willowBranding: BrandingFieldsFragment = {
  ...trustBranding,
  schoolId: 's-willow',
  primaryColour: '#5b1d4a',
  strapline: 'Every child, every day',
  overrides: ['PRIMARY_COLOUR', 'STRAPLINE'],
};

const willowLogo = { id: '7f3c2a10-0000-4000-8000-000000000001', width: 480, height: 240, url: '/api/assets/7f3c2a10-0000-4000-8000-000000000001.png' };

/** The API's answer to a change, as it reads back: an academy's null is the trust's value again. */
const SETTING_OF: Partial<Record<keyof SetBrandingInput, BrandingFieldsFragment['overrides'][number]>> = {
  primaryColour: 'PRIMARY_COLOUR',
  accentColour: 'ACCENT_COLOUR',
  font: 'FONT',
  strapline: 'STRAPLINE',
  logoId: 'LOGO',
  coverFields: 'COVER_FIELDS',
  contactEmail: 'CONTACT_EMAIL',
};
function applied({ schoolId, ...changes }: SetBrandingInput): BrandingFieldsFragment {
  const result: Record<string, unknown> = { ...(schoolId ? willowBranding : trustBranding) };
  const overrides = new Set(result.overrides as BrandingFieldsFragment['overrides']);
  for (const [key, value] of Object.entries(changes) as [keyof SetBrandingInput, unknown][]) {
    const field = key === 'logoId' ? 'logo' : key;
    const trustValue = trustBranding[field as keyof BrandingFieldsFragment];
    result[field] = value === null && schoolId ? trustValue : key === 'logoId' && value ? willowLogo : value;
    const setting = SETTING_OF[key];
    if (schoolId && setting) {
      if (value === null) overrides.delete(setting);
      else overrides.add(setting);
    }
  }
  return { ...(result as BrandingFieldsFragment), overrides: [...overrides] };
}

function brandingApi(viewer = aViewer({ role: 'ADMIN' }), logo: () => RestAnswer = () => ({ status: 201, body: willowLogo })) {
  return installFakeApi(
    {
      Me: () => ({ data: { me: viewer } }),
      Schools: () => ({ data: { schools: [{ id: 's-willow', name: 'Willow Primary', slug: 'willow-primary' }] } }),
      BrandingSettings: ({ forAcademy }) => ({ data: { trust: trustBranding, ...(forAcademy ? { academy: willowBranding } : {}) } }),
      SetBranding: ({ input }) => ({ data: { setBranding: applied(input as SetBrandingInput) } }),
    },
    { 'POST /api/branding/logo': logo, 'POST /api/branding/logo?schoolId=s-willow': logo },
  );
}

const setting = (wrapper: VueWrapper, name: string) => wrapper.get(`[aria-labelledby="setting-${name}-title"]`);
const saveStatus = (wrapper: VueWrapper) => wrapper.get('.branding-form > .form__actions [role="status"]').text();
const previewRows = (wrapper: VueWrapper) => wrapper.findAll('.cover-preview__rows th').map((cell) => cell.text());

async function save(wrapper: VueWrapper): Promise<void> {
  await buttonByText(wrapper, 'Save branding').trigger('click');
  await flushPromises();
}

describe('branding settings', () => {
  it('saves only the settings that changed, and says when copies change', async () => {
    const api = brandingApi();
    const { wrapper } = await renderApp('/settings/branding');

    expect(api.callsOf('BrandingSettings')[0]?.variables).toEqual({ schoolId: null, forAcademy: false });
    await save(wrapper);
    expect(saveStatus(wrapper)).toBe('Nothing to save: nothing was changed.');
    expect(api.callsOf('SetBranding')).toHaveLength(0);

    await fieldByLabel(wrapper, 'Hex code for the primary colour').setValue('0B3D91');
    await fieldByLabel(wrapper, 'Strapline (optional)').setValue('  Learning for life ');
    await fieldByLabel(wrapper, 'Keep superseded versions public in an archive').setValue(true);
    expect(wrapper.get('.cover-preview__title').attributes('style')).toContain('color: #0b3d91');
    await save(wrapper);

    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({ input: { primaryColour: '#0b3d91', strapline: 'Learning for life', keepArchive: true } });
    expect(saveStatus(wrapper)).toBe('Saved. Published copies keep their look until they are published again.');
    // What is saved is the new starting point: saving again sends nothing.
    await save(wrapper);
    expect(api.callsOf('SetBranding')).toHaveLength(1);
  });

  it('lets an academy take a setting from the trust (sent as null) or set its own', async () => {
    const api = brandingApi();
    const { wrapper } = await renderApp('/settings/branding');

    await fieldByLabel(wrapper, 'Branding for').setValue('s-willow');
    await flushPromises();
    expect(api.callsOf('BrandingSettings')[1]?.variables).toEqual({ schoolId: 's-willow', forAcademy: true });
    expect(wrapper.get('#branding-place').text()).toBe('Willow Primary');
    expect(setting(wrapper, 'PRIMARY_COLOUR').get('.setting-source__state').text()).toBe('Academy’s own');
    expect(setting(wrapper, 'PRIMARY_COLOUR').get('.setting-source button').text()).toBe('Use the trust’s primary colour');
    expect(setting(wrapper, 'FONT').get('.setting-source__state').text()).toBe('Using the trust’s');
    expect(setting(wrapper, 'FONT').text()).toContain('Roboto');
    expect(setting(wrapper, 'FONT').find('input[type="radio"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain('Keep superseded versions public');

    const giveBack = buttonByText(wrapper, 'Use the trust’s primary colour');
    giveBack.element.focus();
    await giveBack.trigger('click');
    expect(setting(wrapper, 'PRIMARY_COLOUR').get('.branding-setting__inherited').text()).toBe('#1d5b2c');
    // The same button, now the other way round: focus stays on it.
    expect(document.activeElement?.textContent).toBe('Set the academy’s own primary colour');
    await buttonByText(wrapper, 'Set the academy’s own font').trigger('click');
    await fieldByLabel(wrapper, 'DejaVu Serif').setValue(true);
    await save(wrapper);

    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({ input: { schoolId: 's-willow', primaryColour: null, font: 'DEJAVU_SERIF' } });
    // The page shows what the API answered: whose each setting is now.
    expect(setting(wrapper, 'PRIMARY_COLOUR').get('.setting-source__state').text()).toBe('Using the trust’s');
    expect(setting(wrapper, 'FONT').get('.setting-source__state').text()).toBe('Academy’s own');
    expect(fieldByLabel(wrapper, 'DejaVu Serif').element.checked).toBe(true);
  });

  it('sends a setting the academy makes its own even when it starts as the trust’s', async () => {
    const api = brandingApi(aViewer({ role: 'PUBLISHER', school: { id: 's-willow', name: 'Willow Primary' } }));
    const { wrapper } = await renderApp('/settings/branding');

    // An academy's staff see their academy only.
    expect(wrapper.find('#branding-place-choice').exists()).toBe(false);
    expect(api.callsOf('BrandingSettings')[0]?.variables).toEqual({ schoolId: 's-willow', forAcademy: true });
    await buttonByText(wrapper, 'Set the academy’s own contact email').trigger('click');
    expect(fieldByLabel(wrapper, 'Contact email (optional)').element.value).toBe('policies@oak-trust.example');
    await save(wrapper);
    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({ input: { schoolId: 's-willow', contactEmail: 'policies@oak-trust.example' } });
  });

  it('shows the contrast live and refuses a colour too light to read on white before sending it', async () => {
    const api = brandingApi();
    const { wrapper } = await renderApp('/settings/branding');

    expect(wrapper.get('#brand-primary-contrast').text()).toBe('Contrast against white: 8.1:1');
    await fieldByLabel(wrapper, 'Hex code for the primary colour').setValue('#ffcc00');
    expect(wrapper.get('#brand-primary-contrast').text()).toBe('Contrast against white: 1.5:1 Too light to read on white.');
    await save(wrapper);

    expect(api.callsOf('SetBranding')).toHaveLength(0);
    expect(wrapper.get('#brand-primary-error').text()).toBe('Too light to read on white: 1.5:1, and at least 4.5:1 is needed. Choose a darker shade.');
    expect(document.activeElement?.id).toBe('brand-primary');
    expect(fieldByLabel(wrapper, 'Hex code for the primary colour').attributes('aria-invalid')).toBe('true');
  });

  it('shows the API’s low-contrast refusal beside the colour it is about', async () => {
    const api = brandingApi();
    api.on('SetBranding', () => gqlError('BAD_USER_INPUT', undefined, { reason: 'LOW_CONTRAST', field: 'accentColour', ratio: 4.48 }));
    const { wrapper } = await renderApp('/settings/branding');

    await fieldByLabel(wrapper, 'Hex code for the accent colour').setValue('#767676');
    await save(wrapper);

    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({ input: { accentColour: '#767676' } });
    expect(wrapper.get('#brand-accent-error').text()).toBe('Too light to read on white: 4.4:1, and at least 4.5:1 is needed. Choose a darker shade.');
    expect(fieldByLabel(wrapper, 'Hex code for the accent colour').attributes('aria-describedby')).toContain('brand-accent-error');
    expect(wrapper.find('.branding-form [role="alert"]').exists()).toBe(false);
    expect(saveStatus(wrapper)).toBe('');
  });

  it('orders the cover rows with Move up and Move down, keeping focus on the row moved', async () => {
    const api = brandingApi();
    const { wrapper } = await renderApp('/settings/branding');

    await buttonByText(wrapper, 'Move up Date policy adopted').trigger('click');
    await flushPromises();
    expect(document.activeElement?.id).toBe('cover-ADOPTED_ON-up');
    expect(wrapper.get('.cover-rows [role="status"]').text()).toBe('Date policy adopted is now 1 of 9.');
    // Already first: pressing again changes nothing.
    await buttonByText(wrapper, 'Move up Date policy adopted').trigger('click');
    await buttonByText(wrapper, 'Move down Review date').trigger('click');
    await buttonByText(wrapper, 'Move down Policy author').trigger('click');
    await fieldByLabel(wrapper, 'Statutory policy').setValue(false);

    expect(previewRows(wrapper)).toEqual([
      'Date policy adopted',
      'Policy monitored by',
      'Policy author',
      'Trust board ratification',
      'Policy approved by',
      'Date of approval',
      'Review cycle',
      'Review date',
    ]);
    await save(wrapper);
    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({
      input: { coverFields: ['ADOPTED_ON', 'MONITORED_BY', 'AUTHOR', 'BOARD_RATIFICATION', 'APPROVED_BY', 'APPROVED_ON', 'REVIEW_CYCLE', 'REVIEW_DATE'] },
    });
  });

  it('uploads a logo, previews it at the size it prints, and puts it in use on saving', async () => {
    const api = brandingApi();
    const { wrapper } = await renderApp('/settings/branding');

    const input = fieldByLabel(wrapper, 'Upload a new logo');
    Object.defineProperty(input.element, 'files', { value: [new File(['png'], 'oak.png', { type: 'image/png' })], configurable: true });
    await input.trigger('change');
    await buttonByText(wrapper, 'Upload logo').trigger('click');
    await flushPromises();

    const [call] = api.restCalls;
    expect(call?.url).toBe('/api/branding/logo');
    expect(call?.headers.get('apollo-require-preflight')).toBe('true');
    expect((call?.form?.get('file') as File).name).toBe('oak.png');
    const image = wrapper.get('.logo-field__image');
    expect([image.attributes('src'), image.attributes('width'), image.attributes('height')]).toEqual([willowLogo.url, '128', '64']);
    expect(wrapper.get('.cover-preview__logo').attributes('src')).toBe(willowLogo.url);
    await save(wrapper);
    expect(api.callsOf('SetBranding')[0]?.variables).toEqual({ input: { logoId: willowLogo.id } });

    await buttonByText(wrapper, 'Remove logo').trigger('click');
    await save(wrapper);
    expect(api.callsOf('SetBranding')[1]?.variables).toEqual({ input: { logoId: null } });
  });

  it('says why a logo was refused, by its reason', async () => {
    const api = brandingApi(aViewer({ role: 'AUTHOR', school: { id: 's-willow', name: 'Willow Primary' } }), () => ({
      status: 400,
      body: { error: { code: 'BAD_USER_INPUT', message: 'server words', details: { reason: 'TOO_SMALL' } } },
    }));
    const { wrapper } = await renderApp('/settings/branding');

    await buttonByText(wrapper, 'Set the academy’s own logo').trigger('click');
    const input = fieldByLabel(wrapper, 'Upload a new logo');
    Object.defineProperty(input.element, 'files', { value: [new File(['tiny'], 'crest.jpg', { type: 'image/jpeg' })], configurable: true });
    await input.trigger('change');
    await buttonByText(wrapper, 'Upload logo').trigger('click');
    await flushPromises();

    expect(api.restCalls[0]?.url).toBe('/api/branding/logo?schoolId=s-willow');
    expect(wrapper.get('#brand-logo-error').text()).toBe('That logo is too small to print clearly: it needs to be at least 16 pixels wide and high.');
    // No logo of its own yet: saving asks for one rather than sending nothing.
    await save(wrapper);
    expect(api.callsOf('SetBranding')).toHaveLength(0);
  });

  it('is for administrators and an academy’s own staff', async () => {
    const api = brandingApi(aViewer({ role: 'VIEWER' }));
    const { wrapper } = await renderApp('/settings/branding');
    expect(wrapper.text()).toContain('Only the trust’s administrators, and an academy’s own authors and publishers, can change how published policies look.');
    expect(api.callsOf('BrandingSettings')).toHaveLength(0);
    const offered = await settingsOffered(wrapper);
    expect(offered.get('Terminology')).toBe('/settings/terminology');
    expect(offered.has('Branding')).toBe(false);
  });

  it('lets the trust’s admins publish every public policy again with the saved look, saying how many', async () => {
    const api = brandingApi();
    api.on('RepublishAll', () => ({ data: { republishAll: [{ id: 'j1', policyId: 'p1', total: 4 }, { id: 'j2', policyId: 'p2', total: 4 }] } }));
    const { wrapper } = await renderApp('/settings/branding');

    await buttonByText(wrapper, 'Publish every policy again').trigger('click');
    await flushPromises();
    // Asked first: it changes every website at once. Cancel sends nothing.
    expect(wrapper.get('.republish-all .confirm-panel__question').text()).toBe('Publish every public policy again with the saved branding?');
    await buttonByText(wrapper, 'Cancel').trigger('click');
    expect(api.callsOf('RepublishAll')).toHaveLength(0);
    await buttonByText(wrapper, 'Publish every policy again').trigger('click');
    await buttonByText(wrapper, 'Publish them all again').trigger('click');
    await flushPromises();
    expect(api.callsOf('RepublishAll')).toHaveLength(1);
    expect(wrapper.get('.republish-all [role="status"]').text()).toBe('Publishing 2 policies again with this look. Each policy’s page shows its progress.');

    api.on('RepublishAll', () => gqlError('FORBIDDEN'));
    await buttonByText(wrapper, 'Publish every policy again').trigger('click');
    await buttonByText(wrapper, 'Publish them all again').trigger('click');
    await flushPromises();
    expect(wrapper.get('.republish-all').text()).toContain('You do not have permission');

    // An academy's page does not offer it: the trust's look is the trust's to roll out.
    await fieldByLabel(wrapper, 'Branding for').setValue('s-willow');
    await flushPromises();
    expect(wrapper.find('.republish-all').exists()).toBe(false);
  });
});
