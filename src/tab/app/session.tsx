import { createContext, useContext } from 'react';
import type { MentoringApi } from '../api/mentoring-api';

export interface Session {
  api: MentoringApi;
  /** How the person signed in; the API calls are the same either way. */
  signIn: { kind: 'sso'; hostName: string; label: string | undefined } | { kind: 'local'; label: string };
  signOut?: () => void;
}

const SessionContext = createContext<Session | null>(null);
export const SessionProvider = SessionContext.Provider;

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export const useApi = (): MentoringApi => useSession().api;
