import { createContext, useContext } from 'react';
import type { MentoringApi } from '../api/mentoring-api';

export interface Session {
  api: MentoringApi;
  /** How the person signed in; the API calls are the same either way. */
  signIn: { kind: 'sso'; hostName: string; label: string | undefined } | { kind: 'local'; label: string };
  signOut?: () => void;
  /**
   * The Teams meeting chat the tab was opened in (side panel, meeting chat or details tab), from the
   * host's context; outside Teams, `?meetingChat=` stands in for it. Only a lookup key: the server
   * answers which of the caller's meetings it is, if any.
   */
  meetingChatId?: string;
  /** On the meeting tab's configuration page in Teams: lets Save add the panel (see MicrosoftHost.configureTab). */
  configureMeetingTab?: () => void;
}

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export const useApi = (): MentoringApi => useSession().api;
