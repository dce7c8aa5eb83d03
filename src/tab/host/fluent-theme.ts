import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { HostThemeName } from './query-overrides';

/**
 * Inside a Microsoft host dark follows the Teams palette; in a plain browser the web palette fits
 * better. Light follows Teams' own palette inside Teams (its purple brand, as Teams' first-party
 * panels have), the web palette elsewhere (Outlook's brand is blue).
 */
export function fluentThemeFor(theme: HostThemeName, insideMicrosoftHost: boolean, insideTeams = false): Theme {
  switch (theme) {
    case 'dark':
      return insideMicrosoftHost ? teamsDarkTheme : webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return insideTeams ? teamsLightTheme : webLightTheme;
  }
}
