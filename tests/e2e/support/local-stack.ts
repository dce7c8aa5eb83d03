import type { DemoPerson } from '../../../src/local/demo-people';
import { additionalLocalServices } from '../../../src/local/local-services';
import { startLocalStack } from '../../../src/local/start-local-stack';
import { createLocalTabService } from '../../../src/local/tab/local-tab.service';

export interface E2eStack {
  baseUrl: string;
  close(): Promise<void>;
}

const quiet = { error: () => undefined, info: () => undefined };

/**
 * Everything `npm start` runs (Azurite, the local identity issuer, the API, the local calendar, the
 * bot and its local demo action), on free loopback ports, in memory, with the demo data seeded. The
 * tab itself is the production build served by tab-server.ts, so the dev server is left out.
 */
export async function startE2eStack(options: { people?: readonly DemoPerson[] } = {}): Promise<E2eStack> {
  const services = additionalLocalServices.filter((factory) => factory !== createLocalTabService);
  // More people than the demo's (a programme's cohort) can sign in and have mailboxes; only the demo people get seeded profiles.
  const stack = await startLocalStack({ httpPort: 0, logger: quiet, services, ...(options.people ? { people: options.people } : {}) });
  return { baseUrl: stack.baseUrl, close: () => stack.stop() };
}
