/**
 * `npm run bench`: runs every `bench/*.bench.ts` (or the ones named on the command line) and prints
 * one figure per line as `name: value unit`. Each bench module exports `run(report)`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Report = (name: string, value: number, unit: string) => void;
export interface BenchModule {
  run(report: Report): Promise<void>;
}

const report: Report = (name, value, unit) => {
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 1);
  console.log(`${name}: ${shown} ${unit}`.trimEnd());
};

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
    .sort();
  for (const file of files) {
    const mod = (await import(join(__dirname, file))) as BenchModule;
    await mod.run(report);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
