/**
 * `npm run package -- <env>`: resolves ${{VAR}} placeholders in appPackage/ from env/.env.<env>
 * (+ env/.env.<env>.user), validates the result offline against the Teams schema bundled in
 * @microsoft/app-manifest, and writes appPackage/build/appPackage.<env>.zip.
 */
import path from 'node:path';
import { AppPackageError, buildAppPackage } from './app-package/build-app-package';
import { EnvironmentNotFoundError } from './app-package/environment-file';

async function main(): Promise<number> {
  const envName = process.argv[2];
  if (!envName) {
    console.error('Usage: npm run package -- <environment>   (for example: npm run package -- local)');
    return 2;
  }
  const root = path.resolve(__dirname, '..');
  try {
    const built = await buildAppPackage({ appPackageDir: path.join(root, 'appPackage'), envDir: path.join(root, 'env'), envName });
    for (const note of built.notes) console.log(note);
    console.log(`Wrote ${path.relative(root, built.zipPath)} (${built.files.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof AppPackageError || error instanceof EnvironmentNotFoundError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main().then((code) => process.exit(code));
