import { createContext, useContext } from 'react';

/** Milliseconds since the epoch. `Root` owns the one clock; screens read it here, never `Date.now()`. */
export type Clock = () => number;

const ClockContext = createContext<Clock | null>(null);
export const ClockProvider = ClockContext.Provider;

export function useClock(): Clock {
  const clock = useContext(ClockContext);
  if (!clock) throw new Error('useClock must be used inside <ClockProvider> (Root provides it)');
  return clock;
}
