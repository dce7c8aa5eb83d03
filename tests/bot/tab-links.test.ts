/** The bot cards' links into the tab: a programme card opens that programme (the tab's route carries its id). */
import { parseBotSettings, tabLinksFrom } from '../../src/bot/host/bot-settings';
import { programmeInvitationCard } from '../../src/adapters/cards/programme-cards';
import { parseRoute, routeOfSubPage } from '../../src/tab/app/hash-route';

const APP = '00000000-0000-4000-8000-0000000000aa';

it('in Teams: the Programme static tab with the programme as subEntityId, which the tab routes to that programme', () => {
  const links = tabLinksFrom(parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'https://tab.example', TEAMS_APP_ID: APP }));
  const card = programmeInvitationCard({ locale: 'en', programmeId: 'p 42', programmeName: 'Data 2027', purpose: 'Reports', startDate: '2027-01-04', endDate: '2027-06-30', programmeLink: links.programme('p 42') });
  const url = new URL((card.actions as { type: string; url?: string }[]).find((a) => a.type === 'Action.OpenUrl')!.url!);
  expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP}/programme`);
  const sub = (JSON.parse(url.searchParams.get('context')!) as { subEntityId: string }).subEntityId;
  expect(sub).toBe('programme/p%2042');
  expect(parseRoute(routeOfSubPage(sub)!)).toEqual({ screen: 'programme', programmeId: 'p 42' });
  // The other links are unchanged.
  expect(links.home).toBe(`https://teams.microsoft.com/l/entity/${APP}/mentoring`);
  expect(links.schedule).toBe(`https://teams.microsoft.com/l/entity/${APP}/mentoring?context=${encodeURIComponent(JSON.stringify({ subEntityId: 'schedule' }))}`);
});

it('without a Teams app id: the tab’s address with the programme’s route as its hash', () => {
  const links = tabLinksFrom(parseBotSettings({ MENTORING_MODE: 'local', TAB_ENDPOINT: 'https://tab.example/' }));
  expect(links.programme('p1')).toBe('https://tab.example/index.html#/programme/p1');
  expect(parseRoute(new URL(links.programme('p1')).hash)).toEqual({ screen: 'programme', programmeId: 'p1' });
  expect(links.home).toBe('https://tab.example/index.html#/');
});
