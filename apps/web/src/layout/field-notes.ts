/** The `aria-describedby` of a field shown with FieldNotes: its hint, its error, then any others; undefined for none. */
export function describedBy(id: string, hint: string | undefined, error: string | null | undefined, others: string[] = []): string | undefined {
  const ids = [...(hint ? [`${id}-hint`] : []), ...(error ? [`${id}-error`] : []), ...others];
  return ids.length > 0 ? ids.join(' ') : undefined;
}
