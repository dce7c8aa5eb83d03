import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

/** Whether an unsent draft is kept under this key (so a panel can reopen its form after a refresh). */
export function hasSessionDraft(key: string): boolean {
  try {
    return storage()?.getItem(key) != null;
  } catch {
    return false;
  }
}

/** Drops a kept draft from outside its form (after the form's owner saved it). */
export function clearSessionDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to clear.
  }
}

/**
 * Form state that survives a refresh of the tab (Teams reloads tabs freely): kept in sessionStorage
 * under `key` on every change, read back on mount, and cleared once it is sent or discarded.
 * `restored` says the form came back from a draft, so the screen can tell the person.
 */
export function useSessionDraft<T>(key: string, initial: () => T): { value: T; set: Dispatch<SetStateAction<T>>; clear: () => void; restored: boolean } {
  const [restored] = useState(() => hasSessionDraft(key));
  const [value, set] = useState<T>(() => {
    try {
      const kept = storage()?.getItem(key);
      if (kept != null) return JSON.parse(kept) as T;
    } catch {
      // An unreadable draft is dropped; the form starts from its initial value.
    }
    return initial();
  });
  const cleared = useRef(false);
  const first = useRef(true);
  useEffect(() => {
    // Nothing is stored until the person changes something, so opening a form leaves no draft.
    if (first.current && !restored) {
      first.current = false;
      return;
    }
    first.current = false;
    if (cleared.current) return;
    try {
      storage()?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or off: the draft lasts as long as the page.
    }
  }, [key, value, restored]);
  const clear = useCallback(() => {
    cleared.current = true;
    try {
      storage()?.removeItem(key);
    } catch {
      // Nothing to clear.
    }
  }, [key]);
  return { value, set, clear, restored };
}
