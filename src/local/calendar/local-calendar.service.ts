/** Mounts the local calendar on the local host (`npm start`) under /local-graph. */
import type { LocalService } from '../local-service';
import type { LocalGraphHandler } from './local-graph-calendar';

export const LOCAL_GRAPH_PREFIX = '/local-graph';

export function localCalendarService(handler: LocalGraphHandler): LocalService {
  return {
    name: 'calendar',
    prefix: LOCAL_GRAPH_PREFIX,
    links: [{ label: 'Local calendar (Graph v1.0 subset)', path: `${LOCAL_GRAPH_PREFIX}/v1.0` }],
    handle: (request, response) =>
      new Promise<void>((resolve) => {
        response.once('finish', () => resolve());
        response.once('close', () => resolve());
        handler(request, response);
      }),
    async health() {
      try {
        await handler.events.list('health-probe');
        return { status: 'ok' };
      } catch {
        return { status: 'unavailable', detail: 'the local calendar cannot reach its table in Azurite' };
      }
    },
  };
}
