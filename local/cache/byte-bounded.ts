// A cache bounded by the bytes its entries hold, oldest out first. Hand-written
// because the one library that does this (lru-cache, maxSize) needs a lock-file
// change that downgrades bundled dependencies of @aws-amplify here; a Map kept
// in insertion order is all it takes.
export class ByteBoundedCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private held = 0;

  constructor(
    /** What all entries may hold together. */
    readonly budget: number,
    /** An entry that would hold more is computed and not kept. */
    readonly maxEntryBytes: number,
  ) {}

  /** The value kept for key, or make()'s, kept if bytes(value) fits. */
  remember(key: string, bytes: (value: T) => number, make: () => T): T {
    const kept = this.entries.get(key);
    if (kept) return kept.value;
    const value = make();
    const size = bytes(value);
    if (size > this.maxEntryBytes) return value;
    for (const [oldKey, old] of this.entries) {
      if (this.held + size <= this.budget) break;
      this.entries.delete(oldKey);
      this.held -= old.bytes;
    }
    this.entries.set(key, { value, bytes: size });
    this.held += size;
    return value;
  }

  /** The bytes held, by the entries' own estimate. */
  get bytes() {
    return this.held;
  }

  get size() {
    return this.entries.size;
  }
}
