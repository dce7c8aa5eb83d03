/**
 * `npm run playground`: the Microsoft 365 Agents Playground against the bot on `npm start`, chatting
 * as the demo person PLAYGROUND_PERSON names (default Kacper Nowak), so the cards the bot sends that
 * person arrive in the Playground. Extra arguments go to the Playground (e.g. `-- --port 56151`).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { playgroundConfigYaml, playgroundPerson } from '../src/local/playground-config';

const chosen = playgroundPerson(process.env.PLAYGROUND_PERSON);
if (!chosen.ok) {
  console.error(chosen.message);
  process.exit(2);
}
const dir = join(tmpdir(), 'mentoring-playground');
mkdirSync(dir, { recursive: true });
const configPath = join(dir, '.m365agentsplayground.yml');
writeFileSync(configPath, playgroundConfigYaml(chosen.person));
const endpoint = process.env.PLAYGROUND_APP_ENDPOINT ?? 'http://127.0.0.1:7071/api/messages';
console.log(`Agents Playground as ${chosen.person.displayName} (${chosen.person.email}, tenant ${chosen.person.tenantId}); bot at ${endpoint}`);
const child = spawn(
  process.execPath,
  [require.resolve('@microsoft/m365agentsplayground/cli.js'), '--app-endpoint', endpoint, '--channel-id', 'msteams', '--disable-telemetry', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath } },
);
child.on('exit', (code) => process.exit(code ?? 0));
