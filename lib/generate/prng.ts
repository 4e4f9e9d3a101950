/**
 * Seeded randomness and integer hashing. Everything the generator draws comes
 * from here, so the same preset and rng always give the same bytes: no
 * Math.random, no clocks.
 */

/** murmur3's finaliser: a bijection on uint32, so distinct inputs stay distinct. */
export function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** Mixes up to three integers into one well-spread uint32 (not a bijection). Fixed arity: it is on hot paths. */
export function hash32(a: number, b = 0, c = 0): number {
  let h = fmix32((0x9e3779b9 ^ fmix32(a >>> 0)) + 0x7f4a7c15);
  h = fmix32((h ^ fmix32(b >>> 0)) + 0x7f4a7c15);
  return fmix32((h ^ fmix32(c >>> 0)) + 0x7f4a7c15);
}

/** FNV-1a over a label, to turn names of random streams into numbers. */
function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}

/** The seed of one named, independent random stream. */
export function seedFor(root: number, label: string, index = 0): number {
  return hash32(root, hashLabel(label), index);
}

/**
 * A keyed bijection on [0, 2^bits): xor-shifts and odd multiplications are
 * each invertible modulo 2^bits. Used to give unique values a random look.
 */
export function permuteBits(x: number, bits: number, key: number): number {
  const mask = 2 ** bits - 1;
  const shift = Math.max(1, bits >>> 1);
  let v = ((x ^ key) & mask) >>> 0;
  v = (Math.imul(v, 0x2c1b3c6d) & mask) >>> 0;
  v = (v ^ (v >>> shift)) >>> 0;
  v = (Math.imul(v, 0x297a2d39) & mask) >>> 0;
  v = (v ^ (v >>> shift)) >>> 0;
  return ((v + fmix32(key)) & mask) >>> 0;
}

/** A keyed bijection on [0, n) by cycle walking over the next power of two. */
export function permuteBelow(x: number, n: number, key: number): number {
  const bits = Math.max(1, Math.ceil(Math.log2(n)));
  let v = permuteBits(x, bits, key);
  while (v >= n) v = permuteBits(v, bits, key);
  return v;
}

/**
 * sfc32: small, fast, 128-bit state, passes PractRand. Seeded through
 * splitmix-style mixing so nearby seeds give unrelated streams.
 */
export class Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    this.reseed(seed);
  }

  /** Restarts the stream; lets hot loops reuse one instance per account. */
  reseed(seed: number): this {
    this.a = fmix32(seed ^ 0x243f6a88);
    this.b = fmix32(seed + 0x85a308d3);
    this.c = fmix32(seed ^ 0x13198a2e);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
    return this;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [lo, hi], both included. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return itemAt(items, this.int(items.length));
  }

  /** Standard normal by Box-Muller (one value per call keeps streams simple). */
  normal(): number {
    const u = 1 - this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.float());
  }

  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  exponential(mean: number): number {
    return -Math.log(1 - this.float()) * mean;
  }

  /** Index drawn from a cumulative weight table (last entry is the total). */
  weighted(cumulative: Float64Array): number {
    const total = cumulative[cumulative.length - 1] ?? 0;
    const target = this.float() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Fisher-Yates, in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = itemAt(items, i);
      items[i] = itemAt(items, j);
      items[j] = tmp;
    }
    return items;
  }
}

/** Cumulative table for Rng.weighted. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

/** Indexing that fails loudly instead of yielding undefined. */
export function itemAt<T>(items: ArrayLike<T>, index: number): T {
  if (index < 0 || index >= items.length) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return items[index] as T;
}
