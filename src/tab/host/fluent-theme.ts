import { teamsDarkTheme, teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { HostThemeName } from './query-overrides';

/** Inside a Microsoft host dark follows the Teams palette; in a plain browser the web palette fits better. */
export function fluentThemeFor(theme: HostThemeName, insideMicrosoftHost: boolean): Theme {
  switch (theme) {
    case 'dark':
      return insideMicrosoftHost ? teamsDarkTheme : webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}
