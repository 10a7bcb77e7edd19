import type { VersionStatus } from '../graphql/operations.generated';

const statusLabels: Record<VersionStatus, string> = {
  DRAFT: 'Draft',
  IN_APPROVAL: 'In approval',
  APPROVED: 'Approved',
  SUPERSEDED: 'Superseded',
};

export function versionStatusLabel(status: VersionStatus): string {
  return statusLabels[status];
}

/** "1.0"; a draft has no number until it is approved. */
export function versionNumberLabel(number: string | null): string {
  return number ?? 'Not numbered yet';
}

/** 24 → "2 years", 12 → "1 year", 18 → "18 months", 1 → "1 month". */
export function reviewCycleLabel(months: number): string {
  if (months % 12 === 0) {
    const years = months / 12;
    return years === 1 ? '1 year' : `${years} years`;
  }
  return months === 1 ? '1 month' : `${months} months`;
}
