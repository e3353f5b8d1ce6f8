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
    /** How many entries may be kept together. */
    readonly maxEntries = Infinity,
  ) {}

  /** The value kept for key, or make()'s, kept if bytes(value) fits. */
  remember(key: string, bytes: (value: T) => number, make: () => T): T {
    const kept = this.entries.get(key);
    if (kept) return kept.value;
    const value = make();
    this.set(key, value, bytes(value));
    return value;
  }

  /** The value kept for key, if any. */
  get(key: string): T | undefined {
    return this.entries.get(key)?.value;
  }

  /** Keeps value for key in place of what was kept, if its size fits; otherwise forgets the key. */
  set(key: string, value: T, size: number): void {
    this.delete(key);
    if (size > this.maxEntryBytes) return;
    for (const [oldKey, old] of this.entries) {
      if (this.held + size <= this.budget && this.entries.size < this.maxEntries) break;
      this.entries.delete(oldKey);
      this.held -= old.bytes;
    }
    this.entries.set(key, { value, bytes: size });
    this.held += size;
  }

  delete(key: string): void {
    const kept = this.entries.get(key);
    if (!kept) return;
    this.entries.delete(key);
    this.held -= kept.bytes;
  }

  /** The bytes held, by the entries' own estimate. */
  get bytes() {
    return this.held;
  }

  get size() {
    return this.entries.size;
  }
}
