/**
 * Refuses request bodies nested deeper than any real request needs, before any library that
 * walks JSON recursively (class-transformer, validators, loggers) can overflow the stack on it.
 * Checked iteratively. The answer is a typed BAD_USER_INPUT, shaped for GraphQL or REST.
 */
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors';

export const MAX_BODY_DEPTH = 64;

export function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function rejectDeepJson(request: Request, response: Response, next: NextFunction): void {
  if (depthOf(request.body, MAX_BODY_DEPTH) <= MAX_BODY_DEPTH) return next();
  const message = `The request is nested too deeply (more than ${MAX_BODY_DEPTH} levels).`;
  response.status(400);
  if (request.path === '/graphql') response.json({ errors: [{ message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
  else response.json({ error: { code: ErrorCode.BAD_USER_INPUT, message } });
}
