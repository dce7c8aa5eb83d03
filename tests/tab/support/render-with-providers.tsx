import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ClockProvider } from '../../../src/tab/app/clock';
import { PreferencesProvider } from '../../../src/tab/app/preferences';
import { I18nProvider, type Language } from '../../../src/tab/i18n/i18n';

/** The one clock component tests run on: Wednesday 2 December 2026, 12:00 UTC. */
export const TEST_NOW = Date.UTC(2026, 11, 2, 12);

// jsdom has no layout engine and no ResizeObserver; Fluent's MessageBar measures itself to decide
// whether to wrap. An observer that never fires gives it the jsdom truth: nothing ever resizes.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Renders a tab component the way the app does: clock, preferences, Fluent theme and the message catalogue around it. */
export function renderWithProviders(ui: ReactElement, { language = 'en' as Language, timeZone = 'Europe/Warsaw', now = TEST_NOW } = {}) {
  const preferences = { languageChoice: 'auto' as const, setLanguageChoice: () => undefined, hostLocale: 'en-GB' };
  return render(
    <ClockProvider value={() => now}>
      <PreferencesProvider value={preferences}>
        <FluentProvider theme={webLightTheme}>
          <I18nProvider language={language} timeZone={timeZone}>
            {ui}
          </I18nProvider>
        </FluentProvider>
      </PreferencesProvider>
    </ClockProvider>,
  );
}
