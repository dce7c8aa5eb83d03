/**
 * The Teams activity feed in the local calendar: `POST /users/{id}/teamwork/sendActivityNotification`
 * as Graph v1.0 documents it (learn.microsoft.com/graph/api/userteamwork-sendactivitynotification):
 * the body's parameters checked, `204 No Content` on success. Each notification is kept in the
 * calendar's Azurite table (partition `feed|{personId}`), so the local stack and tests read what
 * Teams would have shown, across processes and restarts.
 *
 * Checked as Graph documents it: `topic` is required with a `source` of `entityUrl` or `text`, and
 * `webUrl` is required with `text`; `activityType` and `previewText.content` are required;
 * `templateParameters` are name/value pairs; `chainId` an integer. What is inferred rather than
 * documented: the error codes and messages of the 400 answers, and that a person who has not
 * installed the app is answered 403 `Forbidden` (Graph's docs say only that the app must be
 * installed for the recipient). A chainId already received for the person replaces that
 * notification, as Graph's docs say a later request with the same chainId overrides the earlier.
 */
import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { graphError, type Answer } from './graph-answer';

const body = z
  .object({
    topic: z.discriminatedUnion('source', [
      z.object({ source: z.literal('entityUrl'), value: z.string().min(1) }).strict(),
      z.object({ source: z.literal('text'), value: z.string().min(1), webUrl: z.url() }).strict(),
    ]),
    activityType: z.string().min(1),
    chainId: z.number().int().optional(),
    previewText: z.object({ content: z.string() }).strict(),
    templateParameters: z.array(z.object({ name: z.string().min(1), value: z.string() }).strict()).optional(),
    teamsAppId: z.string().optional(),
    iconId: z.string().optional(),
  })
  .strict();

export type ReceivedActivityNotification = z.infer<typeof body> & { readonly userId: string; readonly receivedAt: number };

const partition = (personId: string) => `feed|${personId.toLowerCase()}`;

export class LocalActivityFeed {
  /** People who have not installed the app (or removed it): Graph refuses to notify them. Tests change it. */
  readonly notInstalled = new Set<string>();
  private seq = 0;
  private ready: Promise<void> | undefined;

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number,
  ) {}

  private ensure(): Promise<void> {
    this.ready ??= this.table.createTable().then(
      () => undefined,
      (error: unknown) => {
        this.ready = undefined;
        throw error;
      },
    );
    return this.ready;
  }

  async send(personId: string, input: unknown): Promise<Answer> {
    const parsed = body.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return graphError(400, 'BadRequest', `Invalid request body: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
    }
    if (this.notInstalled.has(personId.toLowerCase())) {
      return graphError(403, 'Forbidden', 'The Teams app is not installed for the recipient user.');
    }
    await this.ensure();
    const receivedAt = this.now();
    // Same chain: the later notification replaces the earlier one in the feed.
    const rowKey = parsed.data.chainId !== undefined ? `chain-${parsed.data.chainId}` : `at-${String(receivedAt).padStart(15, '0')}-${String(this.seq++).padStart(6, '0')}`;
    await this.table.upsertEntity({ partitionKey: partition(personId), rowKey, json: JSON.stringify({ ...parsed.data, userId: personId, receivedAt }) }, 'Replace');
    return { status: 204 };
  }

  /** What the person's activity feed holds, oldest first. */
  async received(personId: string): Promise<ReceivedActivityNotification[]> {
    await this.ensure();
    const out: ReceivedActivityNotification[] = [];
    const filter = `PartitionKey eq '${partition(personId).replace(/'/g, "''")}'`;
    for await (const row of this.table.listEntities<{ json: string }>({ queryOptions: { filter } })) out.push(JSON.parse(row.json) as ReceivedActivityNotification);
    return out.sort((a, b) => a.receivedAt - b.receivedAt);
  }
}
