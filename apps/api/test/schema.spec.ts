import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { printAppSchema, SCHEMA_FILE } from '../src/schema-file';
import { startTestApp } from './support/harness';

let app: INestApplication;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

it('matches the committed schema.graphql (run `npm run schema -w @ratify/api` after changing the API)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(printAppSchema(app));
});
