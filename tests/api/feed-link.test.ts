/** Where an activity-feed notification leads: the page as the Teams deep link's subPageId, which the tab routes. */
import { feedLinkTo } from '../../src/api/feed-services';
import { parseRoute, routeOfSubPage } from '../../src/tab/app/hash-route';

describe('the link opens the right screen', () => {
  it('in Teams: a deep link to the static tab with the page as subEntityId, which the tab routes', () => {
    const link = feedLinkTo({ TEAMS_APP_ID: '00000000-0000-4000-8000-0000000000aa', TAB_ENDPOINT: undefined })!('relationship/r1/checkins/m2');
    expect(link).toBe('https://teams.microsoft.com/l/entity/00000000-0000-4000-8000-0000000000aa/mentoring?context=%7B%22subEntityId%22%3A%22relationship%2Fr1%2Fcheckins%2Fm2%22%7D');
    const sub = (JSON.parse(new URL(link).searchParams.get('context')!) as { subEntityId: string }).subEntityId;
    expect(parseRoute(routeOfSubPage(sub)!)).toEqual({ screen: 'relationship', relationshipId: 'r1', section: 'checkins', meetingId: 'm2' });
  });

  it('a programme invitation opens that programme on the Programme screen', () => {
    expect(parseRoute(routeOfSubPage('programme/p-42')!)).toEqual({ screen: 'programme', programmeId: 'p-42' });
    expect(parseRoute('#/programme')).toEqual({ screen: 'programme' });
  });

  it('without a Teams app id (local): the tab’s address with the page as its hash', () => {
    expect(feedLinkTo({ TEAMS_APP_ID: undefined, TAB_ENDPOINT: 'http://127.0.0.1:53000/' })!('home')).toBe('http://127.0.0.1:53000/index.html#/home');
  });

  it('with neither, there is no link (and the host records FEED.NOT_CONFIGURED rather than send a notification that leads nowhere)', () => {
    expect(feedLinkTo({ TEAMS_APP_ID: undefined, TAB_ENDPOINT: undefined })).toBeUndefined();
  });
});
