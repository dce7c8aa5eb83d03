import { rmSync } from 'node:fs';
import { additionalLocalServices } from '../../../src/local/local-services';
import { createLocalTabService } from '../../../src/local/tab/local-tab.service';
import { startTestStack, type TestStack, type TestStackOptions } from '../../support/local-stack';
import { startedBeforeAll } from '../../support/started-before-all';
import { buildTab } from './build-tab';
import { startTabServer, type TabServer } from './tab-server';

/**
 * Everything `npm start` runs (Azurite, the local identity issuer, the API, the local calendar, the
 * bot and its local demo action), on free loopback ports, in memory, with the demo data seeded. The
 * tab itself is the production build served by tab-server.ts, so the dev server is left out.
 */
export function startStackForBuiltTab(options: TestStackOptions = {}): Promise<TestStack> {
  return startTestStack({ services: additionalLocalServices.filter((factory) => factory !== createLocalTabService), ...options });
}

/**
 * Before the tests of a file: the tab built with the project's Vite config, the stack behind it
 * (more people than the demo's, a programme's cohort, can be passed in `people`: they sign in and have
 * mailboxes, only the demo people get seeded profiles) and the build served with /api and
 * /local-identity forwarded to the stack. After them, all of it is stopped and the build removed.
 */
export function setUpBuiltTabOnStack(options: TestStackOptions = {}): { stack: TestStack; tab: TabServer } {
  let buildDir: string | undefined;
  let stack: TestStack | undefined;
  let tab: TabServer | undefined;
  beforeAll(async () => {
    buildDir = buildTab();
    stack = await startStackForBuiltTab(options);
    tab = await startTabServer(buildDir, stack.baseUrl);
  });
  afterAll(async () => {
    await tab?.close();
    await stack?.stop();
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });
  return { stack: startedBeforeAll('the local stack', () => stack), tab: startedBeforeAll('the tab server', () => tab) };
}
