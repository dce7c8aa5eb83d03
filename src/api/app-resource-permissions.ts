/**
 * The app's resource-specific application permissions, as appPackage/manifest.json declares them (a
 * test keeps the two equal). Installing the app in a meeting chat through Graph consents them there:
 * the meeting's events (OnlineMeeting.ReadBasic.Chat), the in-meeting nudge (OnlineMeetingNotification.Send.Chat),
 * pinning the panel (TeamsTab.Create.Chat), and
 * the activity feed (TeamsActivity.Send.User), which the app's definition carries too.
 */
import type { ResourceSpecificPermission } from '../adapters/graph/graph-teams-apps.adapter';

export const APP_RESOURCE_SPECIFIC_PERMISSIONS: readonly ResourceSpecificPermission[] = [
  { permissionValue: 'TeamsActivity.Send.User', permissionType: 'Application' },
  { permissionValue: 'OnlineMeeting.ReadBasic.Chat', permissionType: 'Application' },
  { permissionValue: 'OnlineMeetingNotification.Send.Chat', permissionType: 'Application' },
  { permissionValue: 'TeamsTab.Create.Chat', permissionType: 'Application' },
];
