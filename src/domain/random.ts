/**
 * A small seeded pseudo-random generator for the demo data: sfc32 (Chris Doty-Humphrey's "Small Fast
 * Counting" generator, as in PractRand), seeded through splitmix32. Pure and deterministic: the same
 * (seed, stream) always gives the same sequence. Never use Math.random for demo data.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `stream` selects an independent sequence for the same seed (e.g. organisations vs projects). */
  constructor(seed: number, stream = 0) {
    if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);
    // Mix both the integer and the fractional part of the seed and the stream number.
    const lo = Math.trunc(seed) >>> 0;
    const hi = Math.trunc(seed / 4294967296) >>> 0;
    const mix = splitmix32(lo ^ Math.imul(hi, 0x27d4eb2d) ^ Math.imul(stream + 1, 0x165667b1));
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix() | 1;
    for (let i = 0; i < 15; i++) this.u32();
  }

  /** Next unsigned 32-bit integer. */
  u32(): number {
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, one value per call). */
  normal(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-uniform in [min, max]. */
  logUniform(min: number, max: number): number {
    return Math.exp(this.uniform(Math.log(min), Math.log(max)));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!; // next() < 1, so the index < length
  }

  /** Pick by weight from a list of [item, weight] pairs (weights need not sum to 1). */
  weighted<T>(table: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of table) total += w;
    let r = this.next() * total;
    for (const [item, w] of table) {
      r -= w;
      if (r < 0) return item;
    }
    // Rounding can leave r just above 0 after the last weight: that last item.
    const last = table.at(-1);
    if (!last) throw new Error('weighted pick from an empty table');
    return last[0];
  }

  /** Random RFC 4122 version-4-shaped UUID (version nibble 4, variant 10xx) drawn from this generator. */
  uuid(): string {
    const a = this.u32();
    const b = ((this.u32() & 0xffff0fff) | 0x00004000) >>> 0;
    const c = ((this.u32() & 0x3fffffff) | 0x80000000) >>> 0;
    const d = this.u32();
    const s = hex8(a) + hex8(b) + hex8(c) + hex8(d);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * Cumulative-weight table for drawing an index in proportion to its weight by binary search.
 * Non-positive or non-finite weights are never drawn; if no weight is positive, all are equally likely.
 */
export class WeightedIndex {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: readonly number[]) {
    if (weights.length === 0) throw new Error('WeightedIndex needs at least one weight');
    const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
    const anyPositive = clean.some((w) => w > 0);
    this.cumulative = new Float64Array(clean.length);
    let sum = 0;
    clean.forEach((w, i) => {
      sum += anyPositive ? w : 1;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  /** Index i with probability weight[i] / total. */
  draw(rng: Rng): number {
    const r = rng.next() * this.total;
    // First index whose cumulative weight is greater than r.
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r)
        hi = mid; // lo ≤ mid < hi < length
      else lo = mid + 1;
    }
    return lo;
  }
}
