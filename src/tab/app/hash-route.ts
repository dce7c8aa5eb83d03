import { useCallback, useEffect, useState } from 'react';

/**
 * Hash routes keep deep links working in a Teams tab and on a static host without server rewrites:
 * #/home, #/find, #/relationship, #/relationship/<id>/<section>[/<meetingId>], #/profile, #/programme[/<id>]. The bot's cards
 * link to #/schedule and #/actions: the section of the one active relationship (or the chooser).
 */
export type Route =
  | { screen: 'home' }
  | { screen: 'find' }
  | { screen: 'profile' }
  | { screen: 'programme'; programmeId?: string }
  | { screen: 'meeting' }
  | { screen: 'meetingConfig' }
  | { screen: 'relationship'; relationshipId?: string; section?: string; meetingId?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'find':
      return { screen: 'find' };
    case 'profile':
      return { screen: 'profile' };
    case 'programme':
      return parts[1] ? { screen: 'programme', programmeId: parts[1] } : { screen: 'programme' };
    case 'meeting':
      return { screen: 'meeting' };
    case 'meeting-config':
      return { screen: 'meetingConfig' };
    case 'relationship': {
      const route: Route = { screen: 'relationship' };
      if (parts[1]) route.relationshipId = parts[1];
      if (parts[2]) route.section = parts[2];
      if (parts[3]) route.meetingId = parts[3];
      return route;
    }
    case 'schedule':
    case 'checkins':
    case 'actions':
      return { screen: 'relationship', section: parts[0] };
    default:
      return { screen: 'home' };
  }
}

/**
 * A Teams deep link names the page in `subPageId` (context.page.subPageId; `subEntityId` in the
 * link's context parameter): the same path as the hash without "#/", e.g. "relationship/<id>/schedule"
 * or "schedule". Anything else is ignored, so a link from an older card still opens the tab.
 */
export function routeOfSubPage(subPageId: string | undefined): string | undefined {
  const path = subPageId?.trim().replace(/^#?\/?/, '');
  if (!path || !/^(home|find|profile|programme|relationship|schedule|checkins|actions)(\/|$)/.test(path)) return undefined;
  return `#/${path}`;
}

export function routeToHash(route: Route): string {
  if (route.screen === 'meetingConfig') return '#/meeting-config';
  if (route.screen === 'programme' && route.programmeId) return `#/programme/${encodeURIComponent(route.programmeId)}`;
  if (route.screen !== 'relationship') return `#/${route.screen}`;
  const parts = [
    'relationship',
    route.relationshipId,
    route.relationshipId ? route.section : undefined,
    route.relationshipId && route.section ? route.meetingId : undefined,
  ].filter(
    (p): p is string => Boolean(p),
  );
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeToHash(next);
    if (window.location.hash !== hash) window.location.hash = hash;
    setRoute(next);
  }, []);
  return [route, navigate];
}
