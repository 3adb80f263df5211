import type { RuntimeCache } from '../connector/connector';

/** Bounds of a {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /** Entries kept at most; the least recently used goes first. Default 1,000. */
  readonly maxEntries?: number;
  /** How long an entry lives, in milliseconds. Default one hour. */
  readonly ttlMs?: number;
  /** The clock expiry is measured with (tests inject one). */
  readonly now?: () => Date;
}

interface Entry {
  readonly value: Promise<unknown>;
  readonly expires: number;
}

/**
 * An in-memory cache that is safe in a long-running host: bounded (LRU) and expiring, so a service that
 * changed its `$metadata` is re-read and rotating credentials do not grow it without end. A failed
 * computation is not kept, so the next call tries again.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): RuntimeCache {
  const maxEntries = options.maxEntries ?? 1000;
  const ttlMs = options.ttlMs ?? 3_600_000;
  const now = options.now ?? (() => new Date());
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.expires <= now().getTime()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = live(key);
      if (hit !== undefined) {
        entries.delete(key);
        entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const pending = compute();
      const entry = { value: pending, expires: now().getTime() + ttlMs };
      entries.set(key, entry);
      pending.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return pending;
    },
    has: key => live(key) !== undefined,
    delete(key: string): void {
      entries.delete(key);
    }
  };
}
