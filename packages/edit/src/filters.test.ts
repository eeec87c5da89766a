import { describe, expect, it } from 'vitest';
import { curveEvaluator, LUT_SIZE } from './curves.js';
import { FILTER_NAMES, FILTERS } from './filters.js';
import { LUT_ROWS, packFilter } from './pipeline.js';

/** Instagram's filter names: ours must not reuse them. */
const TAKEN = [
  'clarendon',
  'gingham',
  'moon',
  'lark',
  'reyes',
  'juno',
  'slumber',
  'crema',
  'ludwig',
  'aden',
  'perpetua',
  'amaro',
  'mayfair',
  'rise',
  'hudson',
  'valencia',
  'xpro2',
  'x-pro ii',
  'sierra',
  'willow',
  'lo-fi',
  'inkwell',
  'hefe',
  'nashville',
  'stinson',
  'vesper',
  'earlybird',
  'brannan',
  'sutro',
  'toaster',
  'walden',
  '1977',
  'kelvin',
  'maven',
  'ginza',
  'skyline',
  'dogpatch',
  'brooklyn',
  'helena',
  'charmes',
  'ashby',
];

describe('FILTERS', () => {
  it('starts with Normal and has at least 12 more, each with a label', () => {
    expect(FILTERS[0]).toEqual({ name: 'normal', label: 'Normal' });
    expect(FILTERS.length).toBeGreaterThanOrEqual(13);
    expect(new Set(FILTER_NAMES).size).toBe(FILTER_NAMES.length);
    for (const filter of FILTERS) {
      expect(filter.label.length).toBeGreaterThan(0);
      expect(filter.name).toMatch(/^[a-z]+$/);
      expect(TAKEN).not.toContain(filter.name);
      expect(TAKEN).not.toContain(filter.label.toLowerCase());
    }
  });

  it('packs every filter into finite, monotone curves', () => {
    for (const filter of FILTERS) {
      const table = new Float32Array(LUT_SIZE * LUT_ROWS * 4);
      const packed = packFilter(filter, table);
      expect([...packed.mix].every(Number.isFinite)).toBe(true);
      for (let c = 0; c < 3; c++) {
        for (let i = 1; i < LUT_SIZE; i++) {
          expect(table[i * 4 + c]!).toBeGreaterThanOrEqual(table[(i - 1) * 4 + c]! - 1e-6);
        }
      }
    }
  });
});

describe('curveEvaluator', () => {
  it('passes through its points and never overshoots between them', () => {
    const curve = curveEvaluator([
      [0, 0],
      [60, 45],
      [128, 128],
      [196, 212],
      [255, 255],
    ]);
    expect(curve(60 / 255)).toBeCloseTo(45 / 255, 9);
    expect(curve(0)).toBe(0);
    expect(curve(1)).toBe(1);
    let previous = 0;
    for (let i = 0; i <= 1000; i++) {
      const value = curve(i / 1000);
      expect(value).toBeGreaterThanOrEqual(previous - 1e-12);
      previous = value;
    }
  });
});
