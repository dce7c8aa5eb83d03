/**
 * A value that a `beforeAll` hook makes, usable under its own name at the top of a test file
 * (`const stack = setUpLocalStack()`): every property is read from the started value, and reading it
 * before the hook ran fails with a message naming it. Methods are bound to the started value, so
 * objects with private state (a Playwright page) work through it.
 */
export function startedBeforeAll<T extends object>(what: string, current: () => T | undefined): T {
  const started = (): T => {
    const value = current();
    if (value === undefined) throw new Error(`${what} is not started yet: use it inside a test or a hook`);
    return value;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const target = started();
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
