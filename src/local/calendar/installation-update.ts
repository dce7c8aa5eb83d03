/**
 * What Teams does after Graph installs the app for a person: the bot gets an installationUpdate "add"
 * from that person's personal chat, as on a manual install, and stores where to reach them. The local
 * calendar calls this after `POST /users/{id}/teamwork/installedApps`; the bot endpoint is the stack's
 * own /api/messages and the serviceUrl a local connector that takes the bot's replies.
 */
import type { InstalledForPerson } from './teams-apps';

export interface InstallationUpdateTarget {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:7071/api/messages. */
  readonly botEndpoint: string;
  /** Where the bot answers (Teams' serviceUrl); the local connector's. */
  readonly serviceUrl: string;
  readonly now?: () => number;
}

export function installationUpdateSender(target: InstallationUpdateTarget): (install: InstalledForPerson) => Promise<void> {
  const now = target.now ?? Date.now;
  return async (install) => {
    if (!install.tenantId) return;
    const at = now();
    const response = await fetch(target.botEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'installationUpdate',
        action: 'add',
        id: `installation-${install.personId}-${at}`,
        timestamp: new Date(at).toISOString(),
        channelId: 'msteams',
        serviceUrl: target.serviceUrl,
        locale: 'en-US',
        from: { id: `29:${install.personId}`, aadObjectId: install.personId, name: install.displayName },
        recipient: { id: '28:mentoring-bot', name: 'Mentoring' },
        conversation: { conversationType: 'personal', id: `a:local-${install.personId}`, tenantId: install.tenantId },
        channelData: { tenant: { id: install.tenantId }, source: null },
      }),
    });
    // Teams does not tell Graph's caller how the bot answered; a failing bot is only logged here.
    if (!response.ok) console.error(JSON.stringify({ level: 'error', message: 'local installationUpdate not accepted by the bot', status: response.status, personId: install.personId }));
  };
}
