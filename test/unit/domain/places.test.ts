import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { placeAtStart } from '../../../src/domain/parse/places.js';
import { placeNames } from '../../../scripts/gen-places.js';

describe('place names', () => {
  it('places.json is what scripts/gen-places.ts writes from the area data (npm run gen:places)', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../../src/domain/parse/places.json', import.meta.url), 'utf8')) as string[];
    expect(shipped).toEqual(placeNames());
  });

  it('finds the longest known place a text starts with, in full or short', () => {
    expect(placeAtStart('宁津县永盛健身器材')).toBe('宁津县');
    expect(placeAtStart('沈阳芯驰半导体设备')).toBe('沈阳');
    expect(placeAtStart('孟村华星管件')).toBe('孟村');
    expect(placeAtStart('码上云科技')).toBeNull();
    expect(placeAtStart('今天就得停')).toBeNull();
  });
});
