/** class-transformer helpers for input DTOs. */

/** Trims a string input before it is validated (other values pass through for the validators to refuse). */
export const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
