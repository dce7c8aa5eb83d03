import type { Language } from '../i18n/i18n';

export type HostThemeName = 'default' | 'dark' | 'contrast';

export interface QueryOverrides {
  theme?: HostThemeName;
  language?: Language;
  /** A Teams meeting chat id, standing in for the host's meeting context outside Teams. */
  meetingChat?: string;
}

/**
 * `?theme=dark|contrast|default` and `?lang=pl|en` override what the host says, so local runs and the
 * browser tests can show every theme and language without a Microsoft host; `?meetingChat=<chat id>`
 * opens the meeting panel as Teams would inside that meeting.
 */
export function readQueryOverrides(search: string): QueryOverrides {
  const params = new URLSearchParams(search);
  const overrides: QueryOverrides = {};
  const theme = params.get('theme');
  if (theme === 'dark' || theme === 'contrast' || theme === 'default') overrides.theme = theme;
  const lang = params.get('lang')?.toLowerCase();
  if (lang === 'pl' || lang === 'en') overrides.language = lang;
  const meetingChat = params.get('meetingChat')?.trim();
  if (meetingChat) overrides.meetingChat = meetingChat;
  return overrides;
}

/** Teams reports "default", "dark", "contrast" (and "glass" in some hosts, which we treat as default). */
export function normaliseHostTheme(theme: string | undefined): HostThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}
