import fc from 'fast-check';

/**
 * Hostile values for each GraphQL scalar, as a client can send them in variables: edge cases by hand,
 * random ones around them, and the real IDs and strings of the fuzz world so some calls reach the
 * logic behind validation.
 */
export interface Pools {
  /** IDs of things that exist, by kind (user, post, comment, media, upload, action, appeal, story, highlight, notification). */
  ids: Readonly<Record<string, readonly string[]>>;
  /** Strings that mean something to the server (the password, usernames, emails). */
  strings: readonly string[];
}

/** A JSON number the encoder writes verbatim: JSON.stringify cannot write 1e999 or -0. */
export class RawNumber {
  constructor(readonly text: string) {}
}

/** Serialises variables like JSON.stringify, writing RawNumber as is (lone surrogates come out escaped). */
export function encodeJson(value: unknown): string {
  if (value instanceof RawNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(encodeJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${encodeJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const MAX_ID = 9223372036854775807n;

/** Numeric and non-numeric IDs around the 64-bit edges. */
export const EDGE_IDS = [
  '0',
  '1',
  '-1',
  String(MAX_ID),
  String(MAX_ID + 1n),
  String(-MAX_ID - 1n),
  String(-MAX_ID - 2n),
  '18446744073709551615',
  '99999999999999999999999999999999',
  '00000000000000000001',
  '01',
  ' 1',
  '1 ',
  '1e3',
  '0x10',
  '1.0',
  '+1',
  '１２３',
  '١٢٣',
  '',
  'null',
  'abc',
  "1' or '1'='1",
  '1; drop table posts',
  'VXNlcjox',
  '\u0000',
] as const;

const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

/** Hand-picked strings each server layer may trip on. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uDBFF',
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\u2060\uFEFF',
  'e\u0301\u0301\u0301\u0301',
  'ﷺ',
  '𒐫𒐫𒐫',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'İstanbul ß ǅ ﬁ',
  'null',
  'undefined',
  'true',
  'NaN',
  '[]',
  '{}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  "'; drop table users; --",
  "' or '1'='1",
  '" or ""="',
  '\\',
  '%',
  '_',
  '$1',
  "E'\\x00'",
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://example.com/a?b=c#d',
  'http://[::1]:99999/',
  `#tag #tag2 #${'a'.repeat(200)}`,
  `@someone @${'b'.repeat(100)}`,
  '#'.repeat(5000),
  '@'.repeat(5000),
  '#a'.repeat(3000),
  // A template placeholder as text, for any layer that might evaluate it.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the point
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  'a'.repeat(10_001),
  '\u{1F600}'.repeat(5_001),
  'é'.repeat(12_000),
  ' '.repeat(20_000),
  'x'.repeat(200_000),
  ...EDGE_IDS,
];

/** Single characters each layer may mishandle: NUL, a lone surrogate, bidi and zero-width marks, quotes. */
const INSERTS = [
  '\u0000',
  '\uD800',
  '\uDC00',
  '\u202E',
  '\u200B',
  '\uFEFF',
  '\u0085',
  "'",
  '"',
  '\\',
  '%',
  '\n',
];

/** A String variable: mostly hostile, sometimes meaningful to the server. */
export function hostileString(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    {
      weight: 1,
      arbitrary: fc.string({
        unit: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), LONE_SURROGATE),
        maxLength: 30,
      }),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 10_000, maxLength: 10_200 }) },
    { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9_.]{1,30}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...pools.strings) },
    // A meaningful string with one hostile character slipped in: it gets past "is this a username?" checks.
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...pools.strings), fc.constantFrom(...INSERTS), fc.nat())
        .map(
          ([text, insert, at]) =>
            `${text.slice(0, at % (text.length + 1))}${insert}${text.slice(at % (text.length + 1))}`,
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...Object.values(pools.ids).flat()) },
    { weight: 1, arbitrary: fc.json() },
  );
}

/**
 * An ID variable: real IDs (of the kind the argument's name suggests, when it does), 64-bit edges,
 * random big integers, and JSON numbers (GraphQL accepts an Int as an ID).
 */
export function hostileId(pools: Pools, hint: string): fc.Arbitrary<unknown> {
  const all = Object.values(pools.ids).flat();
  // The most specific name first: `addComment.input.postId` wants a post, `addComment.input.replyToId` a comment.
  const names = hint.toLowerCase().split('.').reverse();
  const kind = names.flatMap((name) =>
    Object.keys(pools.ids).filter((k) => name.includes(k) && pools.ids[k]!.length > 0),
  )[0];
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...(kind ? pools.ids[kind]! : all)) },
    { weight: 2, arbitrary: fc.constantFrom(...all) },
    { weight: 2, arbitrary: fc.constantFrom(...EDGE_IDS) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 53) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 25 }) },
  );
}

/** Values each scalar's coercion accepts. */
export const hostileInt: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, 1, -1, 2 ** 31 - 1, -(2 ** 31), new RawNumber('-0'), new RawNumber('1e2')),
  fc.integer(),
);

export const hostileFloat: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.double({ min: -0.1, max: 1.1, noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0, 1, 0.5, -0, 1e-320, Number.MAX_VALUE, -Number.MAX_VALUE, Number.EPSILON, 7),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
);

/** Values of a scalar's JSON shape that its coercion refuses: out of range, not finite, fractional, a string. */
export const invalidScalar: Record<string, fc.Arbitrary<unknown>> = {
  ID: fc.constantFrom(1.5, true, new RawNumber('9223372036854775807'), [], {}),
  String: fc.constantFrom(1, true, [], {}, ['a', ['b']]),
  Int: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1.5, new RawNumber('1e999'), '1', 'NaN', true),
  Float: fc.constantFrom(new RawNumber('1e999'), new RawNumber('-1e999'), 'NaN', 'Infinity', '0.5', false),
  Boolean: fc.constantFrom('true', 0, 1, 'false', []),
};

/** Anything at all, in place of a variable of another type: coercion must refuse it with BAD_USER_INPUT. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom([[[]]], [['1', ['2']]], [null], new RawNumber('1e999')),
);

/**
 * A JSON scalar (edit recipes): recipe-shaped objects with hostile numbers, names and extra keys, and any
 * JSON at all. Every one is coerced; the resolver's validation must refuse the bad ones with field errors.
 */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record(
      {
        version: fc.oneof(fc.constant(1), hostileInt),
        geometry: fc.record(
          {
            rotate: fc.constantFrom(0, 90, 180, 270, 45, -90, '90'),
            straighten: hostileFloat,
            crop: fc.oneof(
              fc.constant(null),
              fc.record({ x: hostileFloat, y: hostileFloat, width: hostileFloat, height: hostileFloat }),
            ),
          },
          { requiredKeys: [] },
        ),
        filter: fc.record(
          { name: fc.constantFrom('normal', 'nope', '', '__proto__'), intensity: hostileFloat },
          { requiredKeys: [] },
        ),
        adjust: fc.dictionary(
          fc.constantFrom(
            'brightness',
            'contrast',
            'saturation',
            'vignette',
            'sharpen',
            'isAdmin',
            'constructor',
          ),
          hostileFloat,
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);
