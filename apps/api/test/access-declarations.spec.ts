/**
 * Every resolver method and route handler declares who may call it; a new one that forgets
 * fails here, and at run time the guard denies it.
 */
import type { INestApplication } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { AccessGuard, ACCESS_METADATA } from '../src/common/access';
import { AppError } from '../src/common/errors';
import { startTestApp } from './support/harness';

let app: INestApplication;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const RESOLVER_METHOD = 'graphql:resolver_type';
const FIELD_RESOLVER_METHOD = 'graphql:resolve_property';
const ROUTE_METHOD = 'method';

it('has an access rule on every GraphQL resolver and HTTP route', () => {
  const scanner = new MetadataScanner();
  const wrappers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.values(), ...module.controllers.values()]);
  const handlers: string[] = [];
  const undeclared: string[] = [];
  for (const wrapper of wrappers) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || typeof instance !== 'object') continue;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const method = prototype[name];
      const isHandler = [RESOLVER_METHOD, FIELD_RESOLVER_METHOD, ROUTE_METHOD].some((key) => Reflect.getMetadata(key, method) !== undefined);
      if (!isHandler) continue;
      const label = `${instance.constructor.name}.${name}`;
      handlers.push(label);
      if (!Reflect.getMetadata(ACCESS_METADATA, method) && !Reflect.getMetadata(ACCESS_METADATA, instance.constructor)) undeclared.push(label);
    }
  }
  expect(handlers).toEqual(expect.arrayContaining(['PolicyResolver.policy', 'PolicyResolver.currentVersion', 'AuthResolver.signIn', 'PublicSiteController.index', 'HealthController.check']));
  expect(undeclared).toEqual([]);
});

it('denies a handler that declares nothing', () => {
  class Undeclared {
    handler(): void {}
  }
  const guard = new AccessGuard(new Reflector());
  const context = { getHandler: () => Undeclared.prototype.handler, getClass: () => Undeclared } as never;
  expect(() => guard.canActivate(context)).toThrow(AppError);
  expect(() => guard.canActivate(context)).toThrow('You do not have permission to do that.');
});
