/**
 * The GraphQL schema as SDL. `npm run schema -w @ratify/api` writes apps/api/schema.graphql
 * (committed: the web app generates its typed operations from it); a test fails when the
 * committed file differs from what the code defines.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { loadConfig } from './config/config';

export const SCHEMA_FILE = join(__dirname, '..', 'schema.graphql');

export function printAppSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return `# Generated from the code by \`npm run schema -w @ratify/api\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  // The schema needs the resolvers, not a database: an uninitialised connection is enough.
  const app = await NestFactory.create(AppModule.create(loadConfig({ RATIFY_JOBS: '0' }), new DataSource({ type: 'postgres' }), ''), { logger: false });
  await app.init();
  writeFileSync(SCHEMA_FILE, printAppSchema(app));
  await app.close();
  console.log(`Wrote ${SCHEMA_FILE}`);
}

if (require.main === module) void main();
