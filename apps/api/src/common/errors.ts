/**
 * Typed errors. Services throw AppError with a code; the code is mapped once, here, to
 * GraphQL `extensions.code` and to HTTP statuses. Clients react to codes, never to text.
 */
import { HttpException, Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_SERVER_ERROR: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** The one answer for "does not exist" and "is not yours": no existence oracle. */
  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);
  }
}

/** Codes Apollo itself produces for malformed requests; they are safe to pass through. */
const APOLLO_REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  429: ErrorCode.TOO_MANY_REQUESTS,
};

export interface TypedError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

const logger = new Logger('Errors');

/** Any thrown value → a code and a message a person can act on. Unknown errors are logged and hidden. */
export function toTypedError(error: unknown): TypedError {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = STATUS_CODES[status];
    if (code) {
      const response = error.getResponse();
      const messages = typeof response === 'object' && response && 'message' in response ? (response as { message: unknown }).message : error.message;
      return { code, message: Array.isArray(messages) ? messages.join('; ') : String(messages) };
    }
  }
  // Errors from the HTTP layer (body-parser and friends) carry their own status.
  const status = (error as { status?: unknown; expose?: unknown })?.status;
  if (typeof status === 'number' && STATUS_CODES[status] && (error as { expose?: unknown }).expose === true) {
    return { code: STATUS_CODES[status], message: status === 413 ? 'The request is too large.' : 'The request could not be read.' };
  }
  logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side. Please try again.' };
}

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError;
  const code = formatted.extensions?.code;
  const ours = original instanceof AppError || original instanceof HttpException;
  if (!ours && typeof code === 'string' && APOLLO_REQUEST_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  const typed = toTypedError(original ?? error);
  return {
    message: typed.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: typed.code, ...(typed.details ? { details: typed.details } : {}) },
  };
}
