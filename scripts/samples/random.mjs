/**
 * The one seeded PRNG (mulberry32) that every sample file comes from, and helpers on it. No clock,
 * no Math.random: the same seed and the same order of calls give byte-identical files.
 */
let state = 0;

/** Restart the stream at `n`. */
export function seed(n) {
  state = n >>> 0;
}

/** Uniform in [0, 1). */
export function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
export const chance = (p) => rand() < p;
export const pick = (arr) => arr[Math.floor(rand() * arr.length)];
export const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
export const expo = (mean) => -Math.log(1 - rand()) * mean;
export const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));
export const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('');

export function weightedIndex(weights) {
  let r = rand() * weights.reduce((s, w) => s + w, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
  return weights.length - 1;
}

/** A key of `table` with probability proportional to its value. */
export const weighted = (table) => { const k = Object.keys(table); return k[weightedIndex(k.map((x) => table[x]))]; };
