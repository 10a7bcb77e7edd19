// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOperations, schemaPath } from '../../codegen';

const schema = schemaPath();

describe(`operations.generated.ts against ${schema}`, () => {
  it('is what codegen makes now (if not: npm run codegen -w @ratify/web)', async () => {
    const committed = readFileSync(new URL('./operations.generated.ts', import.meta.url), 'utf8');

    expect(committed).toBe(await generateOperations(schema));
  }, 30_000);
});
