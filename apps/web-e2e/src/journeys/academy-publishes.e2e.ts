/**
 * Journey 3 (the user guide's third section): Willow Primary Academy's head publishes the school's
 * copy of a trust policy. Publishing says what the copy still lacks (the school's designated
 * safeguarding lead) and links to where it is filled in; she fills it in, comes back, publishes, and
 * reads the school's public page with the name in it. Controls are found by label and role only;
 * every page on the way, the public one too, has no WCAG 2.2 AA violation; the pictures are the
 * guide's.
 */
import { join } from 'node:path';
import { GUIDE_IMAGES, usePages } from '../support/browser';
import { ADMIN, AUTHOR, WILLOW_HEAD, approveDraftThroughApi, expectNoViolations, graphql, oneSectionPolicy, signIn, signInChecked } from '../support/ratify-pages';

const open = usePages({ bypassCSP: true, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });

it('Willow’s head fills in the school’s safeguarding lead when publishing asks for it, publishes Willow’s copy and reads it on the school’s public page', async () => {
  const title = 'Online Safety Policy';
  const dsl = 'Grace Adeyemi';

  // Not what this journey is about: the trust's policy, naming each school's safeguarding lead, approved through the API.
  const olivia = await open();
  const alex = await open();
  await signIn(olivia, AUTHOR);
  await signIn(alex, ADMIN);
  const { createPolicy } = await graphql<{ createPolicy: { id: string } }>(olivia, 'mutation($input: CreatePolicyInput!) { createPolicy(input: $input) { id } }', {
    input: {
      title,
      content: oneSectionPolicy('Reporting a concern', [
        'Anyone worried about something a pupil has seen or shared online tells a member of staff the same day.',
        ['Staff pass every online safety concern to ', { variable: 'school.dslName' }, ', the designated safeguarding lead at ', { variable: 'school.name' }, '.'],
      ]),
      reviewCycleMonths: 12,
    },
  });
  await approveDraftThroughApi(olivia, alex, createPolicy.id);

  // Willow's head opens the policy: it is not public at Willow yet.
  const hannah = await open();
  await signInChecked(hannah, WILLOW_HEAD);
  await hannah.getByRole('link', { name: title, exact: true }).click();
  await hannah.getByRole('heading', { name: title, level: 1 }).waitFor();
  const publishing = hannah.getByRole('region', { name: 'Publishing' });
  await publishing.getByText('This policy is not public anywhere yet.').waitFor();
  await publishing.getByText('For Willow Primary Academy.').waitFor();

  // Publishing says what Willow's copy lacks, with a link to fill it in.
  await publishing.getByRole('button', { name: 'Publish' }).click();
  const fillIn = publishing.getByRole('link', { name: 'Fill in Willow Primary Academy’s details' });
  await fillIn.waitFor();
  expect(await publishing.getByRole('listitem').filter({ hasText: 'Willow Primary Academy:' }).innerText()).toContain('Designated safeguarding lead');
  await expectNoViolations(hannah);
  await fillIn.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '07-missing-details.png') });

  // She fills in Willow's safeguarding lead and goes back to the policy.
  await fillIn.click();
  await hannah.getByRole('heading', { name: 'Variables', level: 1 }).waitFor();
  await hannah.getByRole('heading', { name: 'Willow Primary Academy', level: 2 }).waitFor();
  await expectNoViolations(hannah);
  await hannah.getByLabel('Designated safeguarding lead (required)').fill(dsl);
  await hannah.getByRole('button', { name: 'Save values' }).click();
  await hannah.getByRole('status').getByText('Saved 1 value for Willow Primary Academy.').waitFor();
  await expectNoViolations(hannah);
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '08-school-details.png') });
  await hannah.getByRole('link', { name: `Back to ${title} to publish it` }).click();
  await hannah.getByRole('heading', { name: title, level: 1 }).waitFor();

  // She publishes Willow's copy and follows its progress to the end.
  await publishing.getByRole('button', { name: 'Publish' }).click();
  await publishing.getByRole('status').getByText('Finished publishing version 1.0: the copy is public.').waitFor({ timeout: 30_000 });
  const row = publishing.getByRole('row', { name: /^Willow Primary Academy/ });
  await row.waitFor();
  expect(await row.locator('td').first().innerText()).toBe('1.0');
  await expectNoViolations(hannah);
  await publishing.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '09-published.png') });

  // The school's public page has the policy, with Willow's safeguarding lead named.
  await row.getByRole('link', { name: 'Web page for Willow Primary Academy' }).click();
  await hannah.getByRole('heading', { name: title, level: 1 }).waitFor();
  expect(new URL(hannah.url()).pathname).toBe('/p/willow-primary/online-safety-policy');
  expect(await hannah.getByRole('article').innerText()).toContain(`Staff pass every online safety concern to ${dsl}, the designated safeguarding lead at Willow Primary Academy.`);
  await expectNoViolations(hannah);
  await hannah.screenshot({ path: join(GUIDE_IMAGES, '10-public-page.png') });
});
