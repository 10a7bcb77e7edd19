/**
 * The Ratify command line.
 *
 *   npm run -s ratify -- import FILE|FOLDER… [--org SLUG] [--dry-run] [--format outline|summary]
 *
 * Imports Word (.docx), Markdown (.md) and text (.txt) policies. With --dry-run nothing is
 * saved; with --format outline the outline is printed to stdout as JSON (an array for several
 * files). Otherwise each file becomes a draft policy of the organisation --org names.
 * Progress goes to stderr, one line per file. Exit status: 0 all imported, 1 some failed, 2 misuse.
 */
import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import { ImportError, importPolicy, type ImportedPolicy } from '@ratify/importer';
import type { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from './config/config';
import { openDatabaseServer } from './database/database-server';
import { ownerDataSource } from './database/data-sources';
import { setTenant } from './database/database.service';
import { prepareDatabase } from './database/prepare-database';
import { OrganisationEntity } from './organisation/organisation.entity';
import { acceptDocument, insertPolicyWithDraft } from './policy/draft.service';
import { importDocument, importOutline } from './policy/import-view';

const SUPPORTED = new Set(['.docx', '.md', '.markdown', '.txt']);
const USAGE = 'Usage: npm run -s ratify -- import FILE|FOLDER… [--org SLUG] [--dry-run] [--format outline|summary]';

class UsageError extends Error {}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function filesIn(paths: string[]): string[] {
  return paths.flatMap((path) => {
    const full = resolve(path);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      throw new UsageError(`No such file or folder: ${path}`);
    }
    if (!stats.isDirectory()) return [full];
    return readdirSync(full)
      .filter((name) => SUPPORTED.has(extname(name).toLowerCase()) && !name.startsWith('~$'))
      .sort((a, b) => a.localeCompare(b))
      .map((name) => join(full, name));
  });
}

interface Target {
  owner: DataSource;
  organisation: OrganisationEntity;
  close(): Promise<void>;
}

async function openTarget(slug: string): Promise<Target> {
  const config = loadConfig();
  const server = await openDatabaseServer(config, { shareRunning: true });
  await prepareDatabase(server.ownerUrl, config.databaseAppUrl);
  const owner = ownerDataSource(server.ownerUrl);
  await owner.initialize();
  const organisation = await owner.getRepository(OrganisationEntity).findOneBy({ slug });
  const close = async () => {
    await owner.destroy();
    await server.stop();
  };
  if (!organisation) {
    await close();
    throw new UsageError(`No organisation has the slug "${slug}".`);
  }
  return { owner, organisation, close };
}

async function save(target: Target, imported: ImportedPolicy): Promise<string> {
  const { organisation } = target;
  return target.owner.transaction(async (manager) => {
    // Into the tenant's data: the trust's, when the slug is one of its academies.
    await setTenant(manager, { organisationId: organisation.tenantId });
    const { policy } = await insertPolicyWithDraft(manager, organisation.tenantId, {
      title: imported.title.trim() || 'Untitled policy',
      content: acceptDocument(importDocument(imported)),
      statutory: /^(yes|statutory)$/i.test(imported.metadata['Statutory'] ?? ''),
      reviewCycleMonths: null,
      createdBy: null,
    });
    return policy.slug;
  });
}

async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, format: { type: 'string', default: 'summary' } },
  });
  if (positionals.length === 0) throw new UsageError('Name at least one file or folder to import.');
  if (!['outline', 'summary'].includes(values.format!)) throw new UsageError(`--format must be "outline" or "summary", not "${values.format}".`);
  if (!values['dry-run'] && !values.org) throw new UsageError('Say which organisation the drafts are for with --org SLUG, or use --dry-run.');
  const files = filesIn(positionals);
  if (files.length === 0) throw new UsageError('There are no .docx, .md or .txt files there.');

  const target = values['dry-run'] ? undefined : await openTarget(values.org!);
  const outlines: unknown[] = [];
  let failed = 0;
  try {
    for (const [index, file] of files.entries()) {
      const label = `[${index + 1}/${files.length}] ${basename(file)}`;
      try {
        const imported = await importPolicy({ fileName: basename(file), data: readFileSync(file) });
        outlines.push(importOutline(imported));
        const clauses = imported.sections.reduce((sum, section) => sum + section.clauses.length, 0);
        const facts = [count(imported.sections.length, 'section'), count(clauses, 'clause'), count(imported.warnings.length, 'warning')].join(', ');
        if (target) process.stderr.write(`${label}: created draft "${imported.title}" (/${await save(target, imported)}; ${facts})\n`);
        else process.stderr.write(`${label}: read "${imported.title}" (${facts})\n`);
        for (const warning of imported.warnings) process.stderr.write(`    warning: ${warning}\n`);
      } catch (error) {
        failed++;
        const reason = error instanceof ImportError || error instanceof Error ? error.message : String(error);
        process.stderr.write(`${label}: not imported: ${reason}\n`);
      }
    }
  } finally {
    await target?.close();
  }
  if (values.format === 'outline') process.stdout.write(`${JSON.stringify(outlines.length === 1 ? outlines[0] : outlines, null, 2)}\n`);
  else process.stdout.write(`${files.length - failed} of ${files.length} imported${values['dry-run'] ? ' (dry run: nothing saved)' : ''}.\n`);
  return failed > 0 ? 1 : 0;
}

export async function runCli(argv: string[]): Promise<number> {
  Logger.overrideLogger(['error']);
  const [command, ...rest] = argv;
  try {
    if (command === 'import') return await importCommand(rest);
    throw new UsageError(command ? `Unknown command "${command}".` : 'Say what to do.');
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
