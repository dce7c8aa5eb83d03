/**
 * The lifecycle scripts on Windows: npm is npm.cmd there, and since Node's fix for CVE-2024-27980 a
 * .cmd file starts only through a shell. The win32 path is checked with a simulated platform (the
 * spawn is recorded), and the shell path is spawned for real here, so the arguments the scripts pass
 * are proven to survive a shell's command line.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { npmInvocation, runNpm, type SpawnSync } from '../../scripts/lifecycle/run-npm';

const root = path.resolve(__dirname, '..', '..');
const STAGE_ARGS = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'];

function recordingSpawn(status = 0) {
  const calls: { command: string; args: readonly string[]; shell: unknown; cwd: unknown }[] = [];
  const spawn: SpawnSync = (command, args, options) => {
    calls.push({ command, args, shell: options.shell, cwd: options.cwd });
    return { pid: 1, output: [], stdout: '', stderr: '', status, signal: null };
  };
  return { calls, spawn };
}

describe('on a simulated Windows (process.platform = win32)', () => {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  beforeEach(() => Object.defineProperty(process, 'platform', { ...original, value: 'win32' }));
  afterEach(() => Object.defineProperty(process, 'platform', original));

  test('npm is started as npm.cmd through a shell', () => {
    expect(process.platform).toBe('win32');
    const { calls, spawn } = recordingSpawn();
    runNpm(STAGE_ARGS, 'C:\\work\\build\\api-deployment', { spawn });
    expect(calls).toEqual([{ command: 'npm.cmd', args: STAGE_ARGS, shell: true, cwd: 'C:\\work\\build\\api-deployment' }]);
  });

  test('a failing npm names the command and the folder', () => {
    const { spawn } = recordingSpawn(1);
    expect(() => runNpm(['ci'], 'C:\\x', { spawn })).toThrow('`npm ci` failed in C:\\x (exit code 1).');
  });
});

test('macOS and Linux start npm directly, without a shell', () => {
  expect(npmInvocation(STAGE_ARGS, 'darwin')).toEqual({ command: 'npm', args: STAGE_ARGS, shell: false });
  expect(npmInvocation(STAGE_ARGS, 'linux')).toEqual({ command: 'npm', args: STAGE_ARGS, shell: false });
});

test('arguments a shell would interpret are refused, since on Windows they pass through one', () => {
  for (const unsafe of ['a b', 'x&calc', '$(id)', '"q"', '%PATH%x|y', 'a;b']) {
    expect(() => npmInvocation([unsafe], 'win32')).toThrow(/must be plain words/);
  }
});

test('the staging arguments survive a real shell: npm through the shell path runs and sees them', () => {
  // The same invocation shape as win32 (shell: true), run by this platform's shell.
  const invocation = npmInvocation(['config', 'get', 'fund', '--no-fund', '--no-audit'], 'win32');
  const result = spawnSync(process.platform === 'win32' ? invocation.command : 'npm', invocation.args, { shell: true, encoding: 'utf8', cwd: root });
  expect(result.error).toBeUndefined();
  expect(result.status).toBe(0);
  expect(result.stdout.trim()).toBe('false');
});

test('every lifecycle step runs through the Toolkit (npm action or a shell script step), and no script spawns npm by itself', () => {
  const yml = readFileSync(path.join(root, 'teamsapp.yml'), 'utf8') + readFileSync(path.join(root, 'teamsapp.local.yml'), 'utf8');
  for (const run of [...yml.matchAll(/run: (.*)$/gm)].map((m) => m[1]!)) expect(run).toMatch(/^npx tsx scripts\/[\w/-]+\.ts$/);
  const stage = readFileSync(path.join(root, 'scripts', 'stage-api-deployment.ts'), 'utf8');
  expect(stage).not.toMatch(/execFileSync\(|spawnSync\(|execSync\(/);
  expect(stage).toContain("runNpm(['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], target)");
});
