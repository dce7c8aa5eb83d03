/**
 * Every API function, defined once. `azure-functions.ts` registers this table with the Azure
 * Functions runtime; the local host (`npm start`) serves the same table.
 */
import type { FunctionDefinition, QueueDefinition, TimerDefinition } from './function-definition';
import { health } from './functions/health';
import { getMyProfile } from './functions/get-my-profile';
import { getMyTeamsApp } from './functions/get-my-teams-app';
import { saveMyProfile } from './functions/save-my-profile';
import { getPersonProfile } from './functions/get-person-profile';
import { suggestMentors } from './functions/suggest-mentors';
import { suggestCohortMatches } from './functions/suggest-cohort-matches';
import { createProgramme } from './functions/create-programme';
import { listProgrammes } from './functions/list-programmes';
import { getProgramme } from './functions/get-programme';
import { updateProgramme } from './functions/update-programme';
import { joinProgramme } from './functions/join-programme';
import { listMyProgrammes } from './functions/list-my-programmes';
import { getMyProgramme } from './functions/get-my-programme';
import { searchProgrammePeople } from './functions/search-programme-people';
import { listProgrammeMembers } from './functions/list-programme-members';
import { suggestProgrammeMatches } from './functions/suggest-programme-matches';
import { getProgrammeMatches } from './functions/get-programme-matches';
import { changeProgrammeMatches } from './functions/change-programme-matches';
import { publishProgrammeMatches } from './functions/publish-programme-matches';
import { getProgrammeHealth } from './functions/get-programme-health';
import { exportProgramme } from './functions/export-programme';
import { sendProgrammeAnnouncement } from './functions/send-programme-announcement';
import { getProgrammeAnnouncement } from './functions/get-programme-announcement';
import { nudgeProgrammePair } from './functions/nudge-programme-pair';
import { programmeHealthTimer } from './functions/programme-health-timer';
import { listMyRequests } from './functions/list-my-requests';
import { createRequest } from './functions/create-request';
import { acceptRequest } from './functions/accept-request';
import { declineRequest } from './functions/decline-request';
import { withdrawRequest } from './functions/withdraw-request';
import { listMyRelationships } from './functions/list-my-relationships';
import { getRelationship } from './functions/get-relationship';
import { getMeetingOfChat } from './functions/get-meeting-of-chat';
import { closeRelationship } from './functions/close-relationship';
import { proposeAgreement } from './functions/propose-agreement';
import { acceptAgreement } from './functions/accept-agreement';
import { previewAgreement } from './functions/preview-agreement';
import { getWorkingHours } from './functions/get-working-hours';
import { listGoals } from './functions/list-goals';
import { addGoal } from './functions/add-goal';
import { updateGoal } from './functions/update-goal';
import { deleteGoal } from './functions/delete-goal';
import { getRoadmap } from './functions/get-roadmap';
import { saveRoadmap } from './functions/save-roadmap';
import { listRoadmapTemplates } from './functions/list-roadmap-templates';
import { listActionItems } from './functions/list-action-items';
import { addActionItem } from './functions/add-action-item';
import { updateActionItem } from './functions/update-action-item';
import { listCheckIns } from './functions/list-check-ins';
import { listAgreementVersions } from './functions/list-agreement-versions';
import { getMyCheckIn } from './functions/get-my-check-in';
import { submitCheckIn } from './functions/submit-check-in';
import { proposeSlots } from './functions/propose-slots';
import { bookMeetings } from './functions/book-meetings';
import { readUnbookedMeetings } from './functions/read-unbooked-meetings';
import { rescheduleMeeting } from './functions/reschedule-meeting';
import { checkMeetingBoundaries } from './functions/check-meeting-boundaries';
import { findMeetingByICalUId } from './functions/find-meeting-by-ical-uid';
import { cancelMeeting } from './functions/cancel-meeting';
import { refreshAgendas } from './functions/refresh-agendas';
import { calendarNotifications } from './functions/calendar-notifications';
import { syncCalendarsTimer } from './functions/sync-calendars';
import { getTodoSyncFunction, setTodoSyncFunction } from './functions/todo-sync';
import { syncTodoTimer } from './functions/sync-todo';
import { calendarChangesQueue, keepSubscriptionsTimer, readChangesTimer } from './functions/calendar-changes';

export const apiFunctions: readonly FunctionDefinition[] = [
  health,
  getMyProfile,
  getMyTeamsApp,
  saveMyProfile,
  getPersonProfile,
  suggestMentors,
  suggestCohortMatches,
  createProgramme,
  listProgrammes,
  getProgramme,
  updateProgramme,
  joinProgramme,
  listMyProgrammes,
  getMyProgramme,
  searchProgrammePeople,
  listProgrammeMembers,
  suggestProgrammeMatches,
  getProgrammeMatches,
  changeProgrammeMatches,
  publishProgrammeMatches,
  getProgrammeHealth,
  exportProgramme,
  sendProgrammeAnnouncement,
  getProgrammeAnnouncement,
  nudgeProgrammePair,
  listMyRequests,
  createRequest,
  acceptRequest,
  declineRequest,
  withdrawRequest,
  listMyRelationships,
  getRelationship,
  getMeetingOfChat,
  closeRelationship,
  proposeAgreement,
  previewAgreement,
  getWorkingHours,
  acceptAgreement,
  listGoals,
  addGoal,
  updateGoal,
  deleteGoal,
  getRoadmap,
  saveRoadmap,
  listRoadmapTemplates,
  listActionItems,
  addActionItem,
  updateActionItem,
  getTodoSyncFunction,
  setTodoSyncFunction,
  listCheckIns,
  listAgreementVersions,
  getMyCheckIn,
  submitCheckIn,
  proposeSlots,
  bookMeetings,
  readUnbookedMeetings,
  rescheduleMeeting,
  checkMeetingBoundaries,
  findMeetingByICalUId,
  cancelMeeting,
  refreshAgendas,
  calendarNotifications,
];

/** Every timer, defined once: `app.timer` in Azure, an interval on the local host. */
export const apiTimers: readonly TimerDefinition[] = [programmeHealthTimer, syncCalendarsTimer, keepSubscriptionsTimer, readChangesTimer, syncTodoTimer];

/** Every queue consumer: `app.storageQueue` in Azure, a polling worker on the local host. */
export const apiQueues: readonly QueueDefinition[] = [calendarChangesQueue];
