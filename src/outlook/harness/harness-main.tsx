/**
 * The local harness's entry (src/tab/outlook-harness.html, served only by `npm start`'s dev server; the
 * production build does not include it). `?lang=pl` and `?theme=dark` choose what Outlook's display
 * language and theme would; otherwise the browser's language and colour scheme decide.
 */
import { createRoot } from 'react-dom/client';
import { languageFromLocale } from '../../tab/i18n/i18n';
import { HarnessApp } from './harness-app';

const query = new URLSearchParams(window.location.search);
const language = languageFromLocale(query.get('lang') ?? navigator.language);
const dark = query.get('theme') === 'dark' || (query.get('theme') === null && window.matchMedia?.('(prefers-color-scheme: dark)').matches);
document.documentElement.lang = language;
const container = document.getElementById('root');
if (container) createRoot(container).render(<HarnessApp language={language} theme={dark ? 'dark' : 'default'} />);
