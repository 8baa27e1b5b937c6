/**
 * The fixed training split over ACLED event ids: a model may learn from an id only when
 * `isTrainingId(id)` is true (80% of ids, by a stable FNV-1a hash), and every ACLED figure of a
 * trained model is reported on the other 20%. The hash never changes, so the split never does.
 */

/** 32-bit FNV-1a over the UTF-16 code units of `s`. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** True for the 80% of ids a model may be trained on (hash % 10 < 8). */
export function isTrainingId(id: string): boolean {
  return fnv1a(id) % 10 < 8;
}
