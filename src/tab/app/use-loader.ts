import { useCallback, useEffect, useRef, useState } from 'react';
import { problemOf, type ApiProblem } from '../api/api-error';

export type Loaded<T> =
  | { state: 'loading' }
  | { state: 'error'; problem: ApiProblem }
  | { state: 'ready'; data: T };

/**
 * Loads data for a screen and keeps it replaceable in place, so optimistic updates can swap the data
 * and roll it back without a reload flash.
 */
export function useLoader<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what a reload depends on (deps); `load` is read through a ref so a new closure alone does not reload.
  useEffect(() => {
    const controller = new AbortController();
    setLoaded((previous) => (previous.state === 'ready' ? previous : { state: 'loading' }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setLoaded({ state: 'ready', data });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', problem: problemOf(error) });
      },
    );
    return () => controller.abort();
  }, [...deps, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((update: (data: T) => T) => {
    setLoaded((previous) => (previous.state === 'ready' ? { state: 'ready', data: update(previous.data) } : previous));
  }, []);
  return { loaded, reload, replace };
}
