/**
 * A bit per 16-bit hash of a word's code units. It answers "certainly none of these words" for a
 * piece of a text in place, before any slice is made or a fresh string is hashed for a Map; a set
 * bit (one of the words, or a collision) only lets the caller's exact lookup run, so collisions
 * change no result. Off-platform phrase matching and TLD labels ask it for most words of a text.
 */
export class HashFilter {
  private readonly bits = new Uint8Array(0x10000);

  constructor(words: Iterable<string> = []) {
    for (const w of words) this.add(w);
  }

  add(w: string): void {
    this.bits[HashFilter.slot(HashFilter.hash(w, 0, w.length))] = 1;
  }

  /** May s[from, to) be one of the words? */
  mayHold(s: string, from: number, to: number): boolean {
    return this.bits[HashFilter.slot(HashFilter.hash(s, from, to))] === 1;
  }

  /** The same for a hash the caller built with `step` (to hash several prefixes in one pass). */
  mayHoldHash(h: number): boolean {
    return this.bits[HashFilter.slot(h)] === 1;
  }

  /** One code unit into a running hash that starts at 0 (FNV-style multiply and xor). */
  static step(h: number, c: number): number {
    return (Math.imul(h, 0x01000193) ^ c) | 0;
  }

  private static hash(s: string, from: number, to: number): number {
    let h = 0;
    for (let k = from; k < to; k++) h = HashFilter.step(h, s.charCodeAt(k));
    return h;
  }

  private static slot(h: number): number {
    return (h ^ (h >>> 16)) & 0xffff;
  }
}
