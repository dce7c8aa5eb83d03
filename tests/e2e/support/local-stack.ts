import { startLocalStack } from '../../../src/local/start-local-stack';

export interface E2eStack {
  baseUrl: string;
  close(): Promise<void>;
}

const quiet = { error: () => undefined, info: () => undefined };

/**
 * Everything `npm start` runs (Azurite, the local identity issuer, the API, the local calendar),
 * on free loopback ports, in memory, with the demo data seeded.
 */
export async function startE2eStack(): Promise<E2eStack> {
  const stack = await startLocalStack({ httpPort: 0, logger: quiet });
  return { baseUrl: stack.baseUrl, close: () => stack.stop() };
}
