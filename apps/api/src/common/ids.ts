import { AppError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from a client: anything that is not one of our ids simply does not exist. */
export function parseId(value: string, what: string): string {
  if (!UUID.test(value)) throw AppError.notFound(what);
  return value.toLowerCase();
}
