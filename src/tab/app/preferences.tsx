import { createContext, useContext } from 'react';
import type { Language } from '../i18n/i18n';

/** 'auto' follows the host (Teams' locale) or the browser; a choice made on Profile is kept on this device. */
export type LanguageChoice = 'auto' | Language;

export interface Preferences {
  languageChoice: LanguageChoice;
  setLanguageChoice(choice: LanguageChoice): void;
  /** The host's or browser's locale, for formats and for naming what 'auto' means. */
  hostLocale: string;
}

const PreferencesContext = createContext<Preferences | null>(null);
export const PreferencesProvider = PreferencesContext.Provider;

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences must be used inside <PreferencesProvider>');
  return value;
}

/** The app shell reads the profile's zone once; Profile tells it when the person changes it. */
const ZoneSetterContext = createContext<(timeZone: string) => void>(() => undefined);
export const ZoneSetterProvider = ZoneSetterContext.Provider;
export const useSetMyTimeZone = () => useContext(ZoneSetterContext);

const LANGUAGE_KEY = 'mentoring.language';

export function recallLanguageChoice(storage: Storage | undefined): LanguageChoice {
  try {
    const value = storage?.getItem(LANGUAGE_KEY);
    return value === 'en' || value === 'pl' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function rememberLanguageChoice(storage: Storage | undefined, choice: LanguageChoice): void {
  try {
    if (choice === 'auto') storage?.removeItem(LANGUAGE_KEY);
    else storage?.setItem(LANGUAGE_KEY, choice);
  } catch {
    // Storage can be off (private mode, a locked-down host); the choice then lasts for this visit.
  }
}
