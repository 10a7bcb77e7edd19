/**
 * Who may call what. Every resolver method and controller route declares it; the global
 * AccessGuard denies anything undeclared. Roles are the caller's role in their active
 * organisation. Object-level checks (is this policy yours?) belong to services and RLS.
 */
import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError, ErrorCode } from './errors';
import { RequestContext, type Role } from './request-context';

export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'member'; roles: Role[] };

export const ACCESS_METADATA = 'ratify:access';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies Access);
/** Anyone signed in, whether or not they have an active organisation. */
export const SignedIn = () => SetMetadata(ACCESS_METADATA, { kind: 'signed-in' } satisfies Access);
/** Members of the active organisation holding one of these roles (all roles when none are named). */
export const Members = (...roles: Role[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'member', roles: roles.length ? roles : ['admin', 'author', 'approver', 'publisher', 'viewer'] } satisfies Access);

@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!access) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule; denied.`);
      throw new AppError(ErrorCode.FORBIDDEN, 'You do not have permission to do that.');
    }
    if (access.kind === 'public') return true;
    const caller = RequestContext.current()?.caller;
    if (!caller) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Please sign in.');
    if (access.kind === 'signed-in') return true;
    if (!caller.membership || !access.roles.includes(caller.membership.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'You do not have permission to do that.');
    }
    return true;
  }
}
