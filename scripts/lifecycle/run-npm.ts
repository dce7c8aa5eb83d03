/**
 * Runs npm from a lifecycle script on Windows, macOS and Linux. On Windows npm is `npm.cmd`, and since
 * Node's fix for CVE-2024-27980 a .cmd file can only be started through a shell (spawn without one
 * fails with EINVAL). With a shell, the arguments are joined into one command line, so only plain
 * arguments are accepted: nothing the shell would read as an operator, a variable or a quote.
 */
import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import { LifecycleError } from './azure-management';

export interface NpmInvocation {
  readonly command: string;
  readonly args: readonly string[];
  readonly shell: boolean;
}

const PLAIN_ARGUMENT = /^[\w@%+=:,./-]+$/;

export function npmInvocation(args: readonly string[], platform: NodeJS.Platform = process.platform): NpmInvocation {
  const unsafe = args.filter((arg) => !PLAIN_ARGUMENT.test(arg));
  if (unsafe.length > 0) throw new LifecycleError(`npm arguments must be plain words (no spaces, quotes or shell operators): ${unsafe.map((a) => JSON.stringify(a)).join(', ')}`);
  return platform === 'win32' ? { command: 'npm.cmd', args, shell: true } : { command: 'npm', args, shell: false };
}

export type SpawnSync = (command: string, args: readonly string[], options: SpawnSyncOptions) => SpawnSyncReturns<Buffer | string>;

/** Runs `npm <args>` in cwd with output shown; throws naming the command when it fails. */
export function runNpm(args: readonly string[], cwd: string, options: { readonly platform?: NodeJS.Platform; readonly spawn?: SpawnSync } = {}): void {
  const invocation = npmInvocation(args, options.platform);
  const result = (options.spawn ?? spawnSync)(invocation.command, invocation.args, { cwd, stdio: 'inherit', shell: invocation.shell });
  if (result.error) throw new LifecycleError(`Could not start \`npm ${args.join(' ')}\`: ${result.error.message}`);
  if (result.status !== 0) throw new LifecycleError(`\`npm ${args.join(' ')}\` failed in ${cwd} (exit code ${result.status ?? result.signal}).`);
}
