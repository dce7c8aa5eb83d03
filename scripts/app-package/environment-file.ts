import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type Environment = Readonly<Record<string, string>>;

/**
 * Parses the Toolkit's env file format: `KEY=value` lines, `#` comments, optional single or
 * double quotes around the value. Everything after the first `=` is the value, so values may
 * contain `=`, spaces and parentheses.
 */
export function parseEnvironmentFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    let value = line.slice(eq + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    values[key] = value;
  }
  return values;
}

export class EnvironmentNotFoundError extends Error {}

/**
 * Loads env/.env.<name>, then env/.env.<name>.user on top (secrets and per-person overrides,
 * git-ignored), the same order the Microsoft 365 Agents Toolkit uses.
 */
export function loadEnvironment(envDir: string, envName: string): Environment {
  if (!/^[A-Za-z0-9_-]+$/.test(envName)) {
    throw new EnvironmentNotFoundError(`Environment name "${envName}" may contain only letters, digits, "-" and "_".`);
  }
  const basePath = path.join(envDir, `.env.${envName}`);
  if (!existsSync(basePath)) {
    throw new EnvironmentNotFoundError(
      `No environment file ${path.relative(process.cwd(), basePath)}; create it (see env/.env.dev) or pick an existing environment.`,
    );
  }
  const userPath = `${basePath}.user`;
  return {
    ...parseEnvironmentFile(readFileSync(basePath, 'utf8')),
    ...(existsSync(userPath) ? parseEnvironmentFile(readFileSync(userPath, 'utf8')) : {}),
  };
}
