import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider, type Language } from '../../../src/tab/i18n/i18n';

// jsdom has no layout engine and no ResizeObserver; Fluent's MessageBar measures itself to decide
// whether to wrap. An observer that never fires gives it the jsdom truth: nothing ever resizes.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Renders a tab component the way the app does: Fluent theme and the message catalogue around it. */
export function renderWithProviders(ui: ReactElement, { language = 'en' as Language, timeZone = 'Europe/Warsaw' } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider language={language} timeZone={timeZone}>
        {ui}
      </I18nProvider>
    </FluentProvider>,
  );
}
