/**
 * A Map of at most `max` entries that forgets the least recently used one to make room: the one cache for what is
 * built from an open-ended set of keys (prepared statements, SQL texts, validators, per-origin texts, search totals).
 * A Map keeps insertion order, so moving an entry to the end on use makes its first key the least recently used.
 */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

  /** `max`: how many entries are kept (at least 1). */
  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1)
      throw new RangeError(`BoundedMap max must be a positive integer, got ${max}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** The value for `key`, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.#entries.get(key);
    if (value !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, value);
    }
    return value;
  }

  /** Whether `key` is held, without making it more recent. */
  has(key: K): boolean {
    return this.#entries.has(key);
  }

  /** Stores `value` as the most recently used entry; the least recently used goes when the map is full. */
  set(key: K, value: V): this {
    if (this.#entries.has(key)) this.#entries.delete(key);
    else if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value as K);
    this.#entries.set(key, value);
    return this;
  }

  /** The value for `key`, built by `build(key)` and stored the first time (and after it was evicted). */
  getOrSet(key: K, build: (key: K) => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = build(key);
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  /** Keys from the least to the most recently used. */
  keys(): IterableIterator<K> {
    return this.#entries.keys();
  }
}
