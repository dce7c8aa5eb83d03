import { z } from 'zod';

/**
 * The least an activity must carry before the bot hands it to the SDK: what the turn routes on
 * (type), where replies go (serviceUrl, conversation.id) and who it is from. Anything else is the
 * SDK's to read. A body that fails here is a malformed activity (400), named by its first field.
 */
const account = z.object({ id: z.string().min(1).max(400) }).passthrough();

export const InboundActivitySchema = z
  .object({
    type: z.string().min(1).max(100),
    channelId: z.string().min(1).max(100),
    serviceUrl: z.url({ protocol: /^https?$/ }).max(2000),
    conversation: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    from: account,
    recipient: account,
    id: z.string().max(1000).optional(),
    name: z.string().max(200).optional(),
    text: z.string().max(100_000).optional(),
    locale: z.string().max(50).optional(),
  })
  .passthrough();
export type InboundActivity = z.infer<typeof InboundActivitySchema>;

/** The first problem of a malformed activity, as a field path and a sentence (never the parser's text). */
export function firstActivityProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(body)';
  if (!issue || issue.path.length === 0) return { field, message: 'The body must be a Bot Framework activity (a JSON object).' };
  return { field, message: `The activity's "${field}" is missing or malformed.` };
}

/** Loopback hosts: the local Bot Connector and the Agents Playground's connector both run on this machine. */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  try {
    const host = new URL(serviceUrl).hostname.toLowerCase();
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]' || host === '::1';
  } catch {
    return false;
  }
}
