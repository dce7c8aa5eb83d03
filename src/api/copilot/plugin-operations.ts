/**
 * The API operations the Copilot agent ("Mentoring") may call, each tied to its function in the
 * function table (route and method come from there, never restated) and to the zod contracts its
 * handler parses and answers with. `openapi-document.ts` turns this list into the OpenAPI document
 * of the agent's API plugin, so the plugin can only describe what the API really serves.
 *
 * Only reads and the one booking call are exposed: the agent answers "prepare me", "what did I
 * promise", "how are my goals going" and books the next meeting after the person confirms. Every
 * call runs with the person's own token, so it reads exactly what the tab shows them.
 */
import type { z } from 'zod';
import { ActionItemsPage, ActionItemsQuery, GoalsResponse, MyRelationshipsResponse, RelationshipDetailDto, RelationshipParams } from '../../contracts';
import { BookingOutcomeDto, BookMeetingsBody, ProposeSlotsQuery, SlotProposalDto } from '../../contracts/booking';
import type { FunctionDefinition } from '../function-definition';
import type { HttpMethod } from '../http-contract';
import { bookMeetings } from '../functions/book-meetings';
import { getRelationship } from '../functions/get-relationship';
import { listActionItems } from '../functions/list-action-items';
import { listGoals } from '../functions/list-goals';
import { listMyRelationships } from '../functions/list-my-relationships';
import { proposeSlots } from '../functions/propose-slots';

export interface PluginOperation {
  /** The function that serves it: its name is the operationId, its route and method the path. */
  readonly fn: FunctionDefinition;
  readonly method: HttpMethod;
  readonly summary: string;
  /** What Copilot reads to choose the operation and to read its answer. */
  readonly description: string;
  readonly params?: z.ZodObject;
  /** Per path or query parameter: what it is and where Copilot gets it. */
  readonly parameterDescriptions?: Readonly<Record<string, string>>;
  readonly query?: z.ZodObject;
  readonly body?: { readonly schema: z.ZodType; readonly description: string };
  readonly success: { readonly status: number; readonly schema: z.ZodType; readonly description: string };
}

const RELATIONSHIP_ID =
  'The id of one of my mentoring relationships: `relationship.id` of an entry answered by listMyRelationships (pick the one whose `partner.displayName` is the person asked about).';

export const PLUGIN_OPERATIONS: readonly PluginOperation[] = [
  {
    fn: listMyRelationships,
    method: 'GET',
    summary: 'List my mentoring relationships',
    description:
      'Lists the signed-in person’s mentoring relationships. Each entry has `myRole` (mentor or mentee), the `partner` (userId, displayName, jobTitle) and the relationship (`id`, `status` active or closed, `mentorId`, `menteeId`). ' +
      'Call this first to find the relationship with a named person ("Kacper") and to learn my own user id: it is `relationship.mentorId` when `myRole` is mentor, else `relationship.menteeId`.',
    success: { status: 200, schema: MyRelationshipsResponse, description: 'My relationships, active and closed.' },
  },
  {
    fn: getRelationship,
    method: 'GET',
    summary: 'Everything needed to prepare for the next meeting',
    description:
      'One of my relationships in full, to prepare for the next meeting: the agreed boundaries (`agreement`), the SMART `goals` with progress, the `roadmap` of themes per meeting, the `meetings` (the next one is the earliest `planned` meeting whose `start` is in the future; its agenda is the roadmap theme for its `number`, the open action items and the goals), the open `actionItems` (each with `ownerId`, `title`, `dueDate`) and the submitted `checkIns`. ' +
      'A check-in’s `privateNote` appears only on my own check-ins; my partner’s private notes are never answered.',
    params: RelationshipParams,
    parameterDescriptions: { relationshipId: RELATIONSHIP_ID },
    success: { status: 200, schema: RelationshipDetailDto, description: 'The relationship as I may see it.' },
  },
  {
    fn: listActionItems,
    method: 'GET',
    summary: 'Action items of a relationship',
    description:
      'The action items of one relationship, oldest first, a page at a time. To answer "what did I promise <partner>?", ask for `status=open` and keep the items whose `ownerId` is my own user id (see listMyRelationships). ' +
      'When the answer has a `continuationToken`, call again with it for the next page.',
    params: RelationshipParams,
    query: ActionItemsQuery,
    parameterDescriptions: {
      relationshipId: RELATIONSHIP_ID,
      status: '`open` for what is still to do, `done` for what was completed; absent for both.',
      pageSize: 'How many items per page, 1 to 100 (50 when absent).',
      continuationToken: 'The `continuationToken` of the previous page, as given.',
    },
    success: { status: 200, schema: ActionItemsPage, description: 'One page of action items.' },
  },
  {
    fn: listGoals,
    method: 'GET',
    summary: 'How the goals are going',
    description:
      'The SMART goals of one relationship: `title`, `progress` (0–100 per cent), `targetDate` (YYYY-MM-DD, when set) and `missing` (SMART parts not yet written, with a hint). ' +
      'Use it for "how are my goals going?": report progress against each target date and name the parts still missing.',
    params: RelationshipParams,
    parameterDescriptions: { relationshipId: RELATIONSHIP_ID },
    success: { status: 200, schema: GoalsResponse, description: 'The pair’s goals.' },
  },
  {
    fn: proposeSlots,
    method: 'GET',
    summary: 'Free times for the next meeting inside our agreement',
    description:
      'Times for the pair’s next meeting that fit both calendars and the agreed boundaries (meeting windows, working hours, notice, buffers), best first. `slots` are ISO 8601 instants in UTC; show them in each person’s zone (`mentorTimeZone`, `menteeTimeZone`). ' +
      '`searched` is the window that was searched (up to the planning horizon) and `targetDate` the date the agreed cadence asks for; slots nearest to it come first. For a particular week ("next week"), ask with `maxSlots=50` and keep the slots inside that week. When no slot fits, the answer is an error whose `message` says why.',
    params: RelationshipParams,
    query: ProposeSlotsQuery,
    parameterDescriptions: { relationshipId: RELATIONSHIP_ID, maxSlots: 'At most this many slots, 1 to 50.' },
    success: { status: 200, schema: SlotProposalDto, description: 'Ranked slots for the next meeting.' },
  },
  {
    fn: bookMeetings,
    method: 'POST',
    summary: 'Book the next meeting',
    description:
      'Books the pair’s next meeting in both Outlook calendars, at `start` (one of the `slots` proposeSlots answered) with `scope` `next`. Only after the person confirmed the time. ' +
      'Safe to retry: a repeated call does not book a second meeting. The answer accounts for every meeting asked for: `meetings` (booked, or `bookingState` pending while the invite is sent), `failed` and `unplaced` (each with a `message` to relay as is).',
    params: RelationshipParams,
    parameterDescriptions: { relationshipId: RELATIONSHIP_ID },
    body: { schema: BookMeetingsBody, description: 'Send `{"scope":"next","start":"<one of the proposed slots’ start>"}`.' },
    success: { status: 200, schema: BookingOutcomeDto, description: 'What booking did, meeting by meeting.' },
  },
];
