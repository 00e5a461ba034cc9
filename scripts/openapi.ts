// Writes openapi.json from the route contract (`npm run openapi`); with --check, fails when the committed
// file is out of date (`npm run openapi:check`, for CI).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOpenApiDocument } from '../api/contract/openapi';

const file = fileURLToPath(new URL('../openapi.json', import.meta.url));
const text = `${JSON.stringify(createOpenApiDocument(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let committed: string | undefined;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    committed = undefined;
  }
  if (committed !== text) {
    console.error('openapi.json is out of date: run npm run openapi');
    process.exit(1);
  }
  console.log('openapi.json is up to date');
} else {
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
