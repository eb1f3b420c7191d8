/** How {@link useSuiteResource} starts, refreshes and stops a resource. */
export interface SuiteResourceHooks<T> {
  /** What the resource is called in the error for use outside tests, e.g. "sandbox fixture". */
  name: string;
  /** Starts the resource, in `beforeAll`. */
  start(): Promise<T>;
  /** Runs before every test when given (e.g. a reset). */
  beforeEach?: (resource: T) => void | Promise<void>;
  /** Stops the resource, in `afterAll`. */
  close(resource: T): Promise<void>;
}

/**
 * Registers `beforeAll` / `beforeEach` / `afterAll` for a resource one suite shares (in the
 * enclosing `describe`, or the file) and returns a live view of it: every property read goes to
 * the resource running at that moment, so the view can be declared at the top of the suite and
 * used inside tests and later hooks. Reading it outside them throws.
 */
export function useSuiteResource<T extends object>(hooks: SuiteResourceHooks<T>): T {
  let running: T | undefined;
  const current = (): T => {
    if (running === undefined) {
      throw new Error(`The ${hooks.name} is not running: use it inside tests and hooks only.`);
    }
    return running;
  };
  beforeAll(async () => {
    running = await hooks.start();
  });
  const { beforeEach: refresh } = hooks;
  if (refresh !== undefined) {
    beforeEach(async () => {
      await refresh(current());
    });
  }
  afterAll(async () => {
    const resource = running;
    running = undefined;
    if (resource !== undefined) await hooks.close(resource);
  });
  return new Proxy({} as T, {
    get(_target, key) {
      const resource = current();
      const value: unknown = Reflect.get(resource, key, resource);
      return typeof value === 'function' ? value.bind(resource) : value;
    },
  });
}
