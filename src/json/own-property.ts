/**
 * Sets `key` as an own, enumerable data property. Plain assignment of `__proto__` replaces the prototype instead,
 * so a member of that name (an envelope element, a JSON key a service sent) would vanish.
 */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}
