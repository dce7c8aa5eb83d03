/**
 * The activity feed on the whole local stack as `npm start` runs it: the API raises the event, the
 * bot's queue poller (the local stand-in for Azure's queue trigger) hands it to the feed worker, MSAL
 * gets the app's Graph token from the local issuer, and the local calendar (checking that token
 * against the issuer's keys) keeps the notification, readable at /local-graph/activity-feed/{person}.
 * The stack's clock starts on a Monday morning, inside everyone's contact hours.
 */
import { LOCAL_TAB_ORIGIN } from '../../src/local/local-ports';
import { setUpLocalStack } from '../support/local-stack';

const OLIVER = 'a0000004-0000-4000-8000-000000000004';
const KACPER = 'a0000002-0000-4000-8000-000000000002';

/** The next Monday, 10:00 UTC, at least a day ahead. */
function nextMondayMorning(from: number): string {
  const d = new Date(from + 86_400_000);
  d.setUTCHours(10, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setTime(d.getTime() + 86_400_000);
  return d.toISOString().replace('.000Z', 'Z');
}

const stack = setUpLocalStack({ clockStart: nextMondayMorning(Date.now()) });

it('a request reaches the mentor’s activity feed once, linking to Home in the tab', async () => {
  const oliver = await stack.tokenOf(OLIVER);
  const request = await stack.http('POST', '/api/requests', { mentorId: KACPER, note: 'Could you mentor me?', preWork: { whatIWant: 'AI', whatIBring: 'Coaching', expectations: 'Biweekly' } }, oliver);
  expect(request.status).toBe(201);
  let feed: any[] = [];
  for (let i = 0; i < 120 && feed.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    feed = (await stack.http('GET', `/local-graph/activity-feed/${KACPER}`)).json.value;
  }
  expect(feed).toEqual([
    expect.objectContaining({
      activityType: 'requestWaiting',
      topic: { source: 'text', value: expect.stringMatching(/^Mentoring with /), webUrl: `${LOCAL_TAB_ORIGIN}/index.html#/home` },
      previewText: { content: '“Could you mentor me?” Open it to accept or decline.' },
    }),
  ]);
  expect((await stack.http('GET', `/local-graph/activity-feed/${OLIVER}`)).json.value).toEqual([]);
}, 120_000);
