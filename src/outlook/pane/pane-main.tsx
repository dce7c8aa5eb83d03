/**
 * The pane's production entry (outlook-pane.html): Office.js from Microsoft's CDN (loaded by the page
 * before this module), nested app authentication for the token, the API origin and ids written into the
 * page by the build (VITE_API_ENDPOINT, VITE_AAD_APP_CLIENT_ID, VITE_TEAMS_APP_ID). The local harness
 * renders the same PaneApp with a stand-in host and the local sign-in instead (src/local/outlook).
 */
import { createRoot } from 'react-dom/client';
import { ApiClient } from '../../tab/api/api-client';
import { apiOrigin } from '../../tab/api/api-origin';
import { languageFromLocale } from '../../tab/i18n/i18n';
import { naaConfigFrom, naaSignIn } from '../auth/naa-sign-in';
import { officeGlobal } from '../office-runtime';
import { PaneApp } from './pane-app';
import { graphICalUIdReader, officePaneHost } from './pane-host';
import { paneTranslator } from './pane-messages';
import { relationshipLinkFor } from './relationship-link';

const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? undefined;
const filled = (value: string | undefined) => (value && !value.startsWith('%') ? value : undefined);

async function start(): Promise<void> {
  const container = document.getElementById('root');
  const office = officeGlobal();
  if (!container || !office) throw new Error('outlook-pane.html loads Office.js before the pane');
  await office.onReady();
  const locale = office.context.displayLanguage ?? navigator.language;
  const language = languageFromLocale(locale);
  const root = createRoot(container);
  const config = naaConfigFrom({ clientId: filled(meta('aad-client-id')), tabDomain: window.location.host });
  const item = office.context.mailbox.item;
  if ('missing' in config || !item) {
    const t = paneTranslator(language);
    root.render(<p>{'missing' in config ? t('pane.misconfigured', { names: config.missing.join(', ') }) : t('pane.noItem')}</p>);
    return;
  }
  const signIn = naaSignIn(config);
  const client = new ApiClient({ baseUrl: apiOrigin(), getToken: () => signIn.silentToken() });
  const dark = office.context.officeTheme?.isDarkTheme ?? false;
  root.render(
    <PaneApp
      host={officePaneHost(
        item,
        office.context.mailbox.convertToRestId
          ? graphICalUIdReader((id) => office.context.mailbox.convertToRestId!(id, 'v2.0'), () => signIn.graphToken(['Calendars.ReadWrite']))
          : undefined,
      )}
      client={client}
      signIn={{ kind: 'naa', interactive: async () => void (await signIn.interactiveToken()) }}
      language={language}
      locale={locale}
      theme={dark ? 'dark' : 'default'}
      relationshipLink={relationshipLinkFor(filled(meta('teams-app-id')), window.location.origin)}
    />,
  );
}

void start();
