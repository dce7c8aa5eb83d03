/**
 * `npm run openapi`: writes the Copilot plugin's OpenAPI document, generated from the zod contracts
 * (src/api/copilot/openapi-document.ts), to appPackage/apiSpecificationFile/openapi.json.
 * `npm run openapi -- --check` writes nothing and fails when the committed file differs from a fresh
 * generation (tests/appPackage/copilot-agent.test.ts checks the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OPENAPI_FILE, openApiDocumentText } from '../src/api/copilot/openapi-document';

const target = path.resolve(__dirname, '..', 'appPackage', OPENAPI_FILE);
const fresh = openApiDocumentText();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(target, 'utf8');
  } catch {
    // missing: reported below
  }
  if (committed !== fresh) {
    console.error(`appPackage/${OPENAPI_FILE} differs from the contracts: run npm run openapi and commit it.`);
    process.exit(1);
  }
  console.log(`appPackage/${OPENAPI_FILE} matches the contracts.`);
} else {
  writeFileSync(target, fresh);
  console.log(`Wrote appPackage/${OPENAPI_FILE}`);
}
