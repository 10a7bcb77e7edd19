import { createRouter, type RouterHistory } from 'vue-router';
import { homeFor } from '../auth/home';
import SignInPage from '../auth/SignInPage.vue';
import { useSessionStore } from '../auth/session.store';
import AppShell from '../layout/AppShell.vue';
import NotFoundPage from '../layout/NotFoundPage.vue';
import { setPageTitle } from '../layout/page-chrome';
import PolicyListPage from '../policies/PolicyListPage.vue';
import PolicyPage from '../policies/PolicyPage.vue';
import SearchPage from '../search/SearchPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Only for a signed-in person; others are sent to sign in and brought back. */
    requiresAuth?: boolean;
    /** Only for a signed-out person; a signed-in one goes to their home (`homeFor`). */
    guestOnly?: boolean;
    /** The document title, before " – Ratify". */
    title?: string;
  }
}

export function createAppRouter(history: RouterHistory) {
  const router = createRouter({
    history,
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignInPage, meta: { guestOnly: true, title: 'Sign in' } },
      // An invitation's link: for anyone holding it, signed in or not.
      { path: '/invitations/:token', name: 'invitation', component: () => import('../people/InvitationPage.vue'), props: true, meta: { title: 'Invitation' } },
      {
        path: '/',
        component: AppShell,
        meta: { requiresAuth: true },
        children: [
          // Where the person's work is (`homeFor`). Not a `redirect`: those are followed before the
          // guard has asked who is signed in. Never shown: `beforeEnter` always sends them on.
          { path: '', name: 'home', component: PolicyListPage, beforeEnter: () => homeFor(useSessionStore().me?.activeMembership) },
          { path: 'policies', name: 'policies', component: PolicyListPage, meta: { title: 'Policies' } },
          // The editor and the import preview load the document model and tiptap: their own chunks.
          { path: 'policies/import', name: 'policy-import', component: () => import('../import/ImportPage.vue'), meta: { title: 'Import a policy' } },
          { path: 'policies/search', name: 'policy-search', component: SearchPage, meta: { title: 'Search policies' } },
          { path: 'policies/:id', name: 'policy', component: PolicyPage, props: true, meta: { title: 'Policy' } },
          { path: 'policies/:id/edit', name: 'policy-edit', component: () => import('../editor/EditorPage.vue'), props: true, meta: { title: 'Edit policy' } },
          { path: 'policies/:id/update', name: 'policy-update', component: () => import('../upstream/UpstreamUpdatePage.vue'), props: true, meta: { title: 'Template update' } },
          // Issue 4's screens, each its own chunk: most visits never need them.
          { path: 'templates', name: 'templates', component: () => import('../templates/TemplateLibraryPage.vue'), meta: { title: 'Template library' } },
          { path: 'policies/:id/terminology', name: 'policy-terminology', component: () => import('../terminology/TerminologyReviewPage.vue'), props: true, meta: { title: 'Review terminology' } },
          { path: 'policies/:id/schools/:schoolId', name: 'school-variant', component: () => import('../variants/SchoolVariantPage.vue'), props: true, meta: { title: 'School copy' } },
          // Settings: the list of settings pages the person may use; each page below is under /settings/.
          { path: 'settings', name: 'settings', component: () => import('../settings/SettingsPage.vue'), meta: { title: 'Settings' } },
          { path: 'settings/variables', name: 'variable-settings', component: () => import('../variables/VariablesPage.vue'), meta: { title: 'Variables' } },
          { path: 'settings/terminology', name: 'terminology-settings', component: () => import('../terminology/TerminologySettingsPage.vue'), meta: { title: 'Terminology' } },
          // Issue 5's governance and approval screens, each its own chunk too.
          { path: 'settings/governance', name: 'governance-settings', component: () => import('../governance/GovernanceSettingsPage.vue'), meta: { title: 'Governance' } },
          { path: 'settings/people', name: 'people-settings', component: () => import('../people/PeopleSettingsPage.vue'), meta: { title: 'People' } },
          { path: 'settings/outbox', name: 'outbox', component: () => import('../notifications/OutboxPage.vue'), meta: { title: 'Email outbox' } },
          { path: 'approvals', name: 'approvals', component: () => import('../approvals/ApprovalInboxPage.vue'), meta: { title: 'Approvals' } },
          { path: 'approvals/:id', name: 'approval-request', component: () => import('../approvals/ApprovalRequestPage.vue'), props: true, meta: { title: 'Approval request' } },
          // The reviews screens: their own chunks too.
          { path: 'reviews', name: 'reviews', component: () => import('../reviews/ReviewDashboardPage.vue'), meta: { title: 'Reviews' } },
          { path: 'settings/calendar', name: 'calendar-settings', component: () => import('../calendar/CalendarSettingsPage.vue'), meta: { title: 'Term dates' } },
          { path: 'settings/reviews', name: 'review-settings', component: () => import('../review-settings/ReviewSettingsPage.vue'), meta: { title: 'Review settings' } },
          // Publishing: how the published copies look.
          { path: 'settings/branding', name: 'branding-settings', component: () => import('../branding/BrandingPage.vue'), meta: { title: 'Branding' } },
          { path: 'policies/:id/compare', name: 'policy-compare', component: () => import('../versions/ComparePage.vue'), props: true, meta: { title: 'Compare versions' } },
        ],
      },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { title: 'Page not found' } },
    ],
    scrollBehavior: (_to, _from, savedPosition) => savedPosition ?? { top: 0 },
  });

  router.beforeEach(async (to) => {
    const requiresAuth = to.matched.some((record) => record.meta.requiresAuth);
    const guestOnly = to.matched.some((record) => record.meta.guestOnly);
    if (!requiresAuth && !guestOnly) return true;

    const session = useSessionStore();
    // If the server cannot say who this is, treat them as signed out; the next navigation asks again.
    const me = await session.load().catch(() => null);
    if (requiresAuth && !me) return { name: 'sign-in', query: { redirect: to.fullPath } };
    if (guestOnly && me) return homeFor(me.activeMembership);
    return true;
  });

  router.afterEach((to, _from, failure) => {
    if (!failure) setPageTitle(to.meta.title);
  });

  return router;
}
