import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

// The official OCDS 1.1.5 JSON Schemas (draft-04), kept as test data in test/fixtures/ocds-1.1.5 (see its README).
const DIR = join(__dirname, '..', 'fixtures', 'ocds-1.1.5');
const FILES = ['release-schema', 'versioned-release-validation-schema', 'release-package-schema', 'record-package-schema'] as const;
const BASE = 'https://standard.open-contracting.org/schema/1__1__5/';

let ajv: Ajv | undefined;
function validator(): Ajv {
  if (ajv) return ajv;
  // strict off: the schemas carry OCDS's own keywords (codelist, openCodelist, mergeStrategy, deprecated, …)
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const f of FILES) ajv.addSchema(JSON.parse(readFileSync(join(DIR, `${f}.json`), 'utf8')));
  return ajv;
}

/** Every error of a release package or record package against the official schema, as "path: message"; [] when valid. */
export function officialProblems(kind: 'release-package' | 'record-package', pkg: unknown): string[] {
  const validate = validator().getSchema(`${BASE}${kind}-schema.json`);
  if (!validate) throw new Error(`OCDS schema ${kind} not loaded`);
  if (validate(pkg)) return [];
  return (validate.errors ?? []).map((e) => `official ${kind}${e.instancePath}: ${e.message}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
}
