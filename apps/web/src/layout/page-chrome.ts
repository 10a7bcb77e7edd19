/** The bits of the browser page outside the Vue tree: its title and where focus starts. */

export function setPageTitle(title: string | undefined): void {
  document.title = title ? `${title} – Ratify` : 'Ratify';
}

/** Every page renders `<main id="main" tabindex="-1">`; the skip link points there too. */
export function focusMainContent(): void {
  document.getElementById('main')?.focus({ preventScroll: true });
}
