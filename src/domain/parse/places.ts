import list from './places.json' with { type: 'json' };

/**
 * China's provinces, cities and counties by name (places.json, written by scripts/gen-places.ts from GB/T 2260): in full
 * (宁津县) and short (宁津), as people write them before an enterprise's name or in its signature.
 */
const PLACES: ReadonlySet<string> = new Set(list as string[]);

/** The known place `s` starts with, longest first (2–8 characters), or null. Pure. */
export function placeAtStart(s: string): string | null {
  for (let n = Math.min(8, s.length); n >= 2; n--) {
    const head = s.slice(0, n);
    if (PLACES.has(head)) return head;
  }
  return null;
}
