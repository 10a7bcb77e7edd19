/* global URL, console, process */
// Runs apps/web/codegen.ts. Node 20 cannot run TypeScript directly, so Vite's
// module runner (already a dependency) loads it.
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const { module } = await runnerImport(fileURLToPath(new URL('../codegen.ts', import.meta.url)), {
  configFile: false,
  logLevel: 'error',
});
try {
  console.log(`Wrote ${await module.writeOperations()}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
