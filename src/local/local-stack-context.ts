/**
 * What a stand-in's factory gets from the running local stack. Kept apart from the list of
 * stand-ins (local-services.ts) so the stand-ins can name it without importing that list.
 */
import type { ComposedApiHost } from '../hosts/functions/composition-root';
import type { AzuriteHandle } from './azurite';
import type { LocalIdentityIssuer } from './identity-issuer';
import type { LocalService } from './local-service';

export interface LocalStackContext {
  readonly baseUrl: string;
  /** Undefined when the stack runs in memory (tests). */
  readonly dataDir: string | undefined;
  /** The app settings the API was started with (production names, local values). */
  readonly settings: Readonly<Record<string, string | undefined>>;
  readonly api: ComposedApiHost;
  readonly issuer: LocalIdentityIssuer;
  readonly azurite: AzuriteHandle;
}

export type LocalServiceFactory = (context: LocalStackContext) => Promise<LocalService>;
