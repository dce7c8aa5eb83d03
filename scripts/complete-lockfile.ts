/**
 * npm writes package-lock.json with only the host platform's builds of packages such as @swc/core,
 * yet `npm ci` then refuses the lock on every machine ("Missing: @swc/core-darwin-arm64@ from lock
 * file", npm/cli#4828 and #8320). This adds the missing optional platform packages' records (version,
 * integrity, os/cpu/libc) from the npm registry, so the lock installs everywhere. Nothing installed
 * changes: those packages are skipped on platforms they are not for. Where the registry in reach does
 * not carry a platform's build at all (a mirror that keeps only this platform's), the record holds
 * what the package's name encodes (os, cpu, libc), which is all `npm ci` needs to skip it here.
 *
 * Run after changing dependencies: `npx tsx scripts/complete-lockfile.ts`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

const lockPath = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as { packages: Record<string, LockEntry> };

/** Where npm would place `name` for the package at `parentPath` (its own node_modules, else hoisted). */
function placeFor(parentPath: string, name: string): string | undefined {
  const nested = `${parentPath}/node_modules/${name}`;
  const hoisted = `node_modules/${name}`;
  if (lock.packages[nested] || lock.packages[hoisted]) return undefined;
  return hoisted;
}

const OSES = ['darwin', 'linux', 'win32', 'android', 'freebsd', 'openharmony', 'sunos', 'aix', 'netbsd', 'openbsd'];
const CPUS = ['arm64', 'x64', 'arm', 'ia32', 'ppc64', 's390x', 'riscv64', 'loong64', 'wasm32'];

/** os, cpu and libc from a platform package's name, e.g. @swc/core-linux-arm-gnueabihf. */
function platformFromName(name: string): Record<string, string[]> {
  const parts = name.split('/').pop()!.split('-');
  const os = parts.find((p) => OSES.includes(p));
  const cpu = parts.find((p) => CPUS.includes(p));
  const libc = parts.some((p) => p.startsWith('musl')) ? 'musl' : parts.some((p) => p.startsWith('gnu')) ? 'glibc' : undefined;
  if (!os || !cpu) throw new Error(`Cannot tell the platform of ${name}; add its record by hand.`);
  return { os: [os], cpu: [cpu], ...(libc && os === 'linux' ? { libc: [libc] } : {}) };
}

function registryRecord(name: string, range: string): LockEntry | undefined {
  try {
    const meta = JSON.parse(
      execFileSync('npm', ['view', `${name}@${range}`, '--json', 'version', 'dist', 'os', 'cpu', 'libc', 'license', 'engines'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }),
    );
    const info = Array.isArray(meta) ? meta[meta.length - 1] : meta;
    return {
      version: info.version,
      integrity: info.dist.integrity,
      ...(info.cpu ? { cpu: [info.cpu].flat() } : {}),
      ...(info.license ? { license: info.license } : {}),
      ...(info.libc ? { libc: [info.libc].flat() } : {}),
      optional: true,
      ...(info.os ? { os: [info.os].flat() } : {}),
      ...(info.engines ? { engines: info.engines } : {}),
    };
  } catch {
    return undefined;
  }
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const place = placeFor(path, name);
    if (!place) continue;
    lock.packages[place] = registryRecord(name, range) ?? { version: range, optional: true, ...platformFromName(name) };
    added++;
  }
}

const sorted = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(lockPath, JSON.stringify({ ...lock, packages: sorted }, null, 2) + '\n');
console.log(`added ${added} optional platform package record(s) to package-lock.json`);
