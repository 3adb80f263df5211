import type { RuntimeCache } from '../connector/connector';

/** An in-memory cache; a failed computation is not kept, so the next call tries again. */
export function createMemoryCache(): RuntimeCache {
  const entries = new Map<string, Promise<unknown>>();
  return {
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit !== undefined) return hit as Promise<T>;
      const pending = compute();
      entries.set(key, pending);
      pending.catch(() => entries.delete(key));
      return pending;
    },
    delete(key: string): void {
      entries.delete(key);
    }
  };
}
