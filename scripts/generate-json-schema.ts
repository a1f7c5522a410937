/**
 * `npm run schemas [-- --check]`: writes the JSON Schemas of every collection to schemas/json/.
 * With --check, writes nothing and exits 1 when a committed schema is out of date.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemaFiles } from './lib/json-schema.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'json');
const check = process.argv.includes('--check');
let stale = 0;
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of jsonSchemaFiles()) {
  const file = path.join(dir, name);
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === text) continue;
  stale++;
  if (check) console.error(`schemas/json/${name} is out of date; run npm run schemas`);
  else {
    fs.writeFileSync(file, text);
    console.log(`wrote schemas/json/${name}`);
  }
}
if (!check && stale === 0) console.log('schemas/json/ is up to date');
process.exitCode = check && stale > 0 ? 1 : 0;
