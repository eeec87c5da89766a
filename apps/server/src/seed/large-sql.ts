/**
 * SQL expressions of the benchmark data set. Every row is a pure function of its ordinal, so one
 * `insert ... select ... from generate_series(...)` builds a whole table and later statements can
 * recompute any user's or post's ID without a join. Randomness comes from PostgreSQL's hash
 * functions with a salt: repeatable, and safe in parallel plans (unlike random()).
 */

export interface LargeSizes {
  users: number;
  follows: number;
  posts: number;
  likes: number;
  comments: number;
}

const DAY_MS = 86_400_000;

/** Shards spread over the 13-bit range: 7919 is odd, so the first 8192 users all get distinct shards. */
const SHARD_MULTIPLIER = 7919;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** A multiplier coprime with `n`, so `rank * m % n` is a permutation of 0..n-1. */
function coprimeMultiplier(n: number, start: number): number {
  let m = start;
  while (gcd(m, n) !== 1) m++;
  return m;
}

/** The time line and the expressions built on it. All numbers are ours, never user input. */
export class LargePlan {
  /** Milliseconds: the newest row is a minute old; activity spans the 90 days before that. */
  readonly end: number;
  readonly start: number;
  readonly span: number;
  /** Users signed up during the 30 days before the activity window, one distinct millisecond each. */
  readonly usersStart: number;
  readonly userStep: number;
  private readonly userMultiplier: number;
  private readonly userOffset: number;
  private readonly postMultiplier: number;

  constructor(
    readonly sizes: LargeSizes,
    now = Date.now(),
  ) {
    this.end = now - 60_000;
    this.span = 90 * DAY_MS;
    this.start = this.end - this.span;
    this.usersStart = this.start - 30 * DAY_MS;
    this.userStep = Math.max(1, Math.floor((30 * DAY_MS) / sizes.users));
    this.userMultiplier = coprimeMultiplier(sizes.users, 7907);
    // Rank order starts mid-way so the benchmark accounts (ordinals 0 and 1) are ordinary, not the most followed.
    const middle = Math.floor(sizes.users / 2);
    this.userOffset = (sizes.users - ((middle * this.userMultiplier) % sizes.users)) % sizes.users;
    this.postMultiplier = coprimeMultiplier(sizes.posts, 104_729);
  }

  /** A repeatable number in [0, 1) for the integer expression `x`. */
  rnd(x: string, salt: number): string {
    return `((hashint8extended((${x})::bigint, ${salt}) & 9007199254740991)::float8 / 9007199254740992.0)`;
  }

  userShard(ord: string): string {
    return `(((${ord})::bigint * ${SHARD_MULTIPLIER}) % 8192)::int`;
  }

  userMs(ord: string): string {
    return `(${this.usersStart}::bigint + (${ord})::bigint * ${this.userStep})`;
  }

  userId(ord: string): string {
    return `make_id(${this.userMs(ord)}, ${this.userShard(ord)}, (${ord})::bigint)`;
  }

  /**
   * A user ordinal drawn with a power-law skew: rank 0 is the most popular account, and ranks map
   * onto users through a fixed permutation so popularity does not follow sign-up order.
   */
  popularUser(draw: string, exponent: number): string {
    const rank = `floor(${this.sizes.users} * power(${draw}, ${exponent}))::bigint`;
    return this.rankedUser(rank);
  }

  rankedUser(rank: string): string {
    return `(((${rank})::bigint * ${this.userMultiplier} + ${this.userOffset}) % ${this.sizes.users})`;
  }

  /** Posts are evenly spaced in time, so post ordinal order is ID order is time order. */
  postMs(ord: string): string {
    return `(${this.start}::bigint + (${ord})::bigint * ${this.span} / ${this.sizes.posts})`;
  }

  /** Popular accounts post more. */
  postAuthor(ord: string): string {
    return this.popularUser(this.rnd(ord, 301), 1.6);
  }

  postId(ord: string): string {
    return `make_id(${this.postMs(ord)}, ${this.userShard(this.postAuthor(ord))}, (${ord})::bigint)`;
  }

  /** A post ordinal drawn with a power-law skew (a few posts get most of the likes and comments). */
  popularPost(draw: string, exponent: number): string {
    const rank = `floor(${this.sizes.posts} * power(${draw}, ${exponent}))::bigint`;
    return `((${rank})::bigint * ${this.postMultiplier} % ${this.sizes.posts})`;
  }

  /** A time after the post's, within `withinDays`, and never after the end of the window. */
  reactionMs(postOrd: string, draw: string, withinDays: number): string {
    const postMs = this.postMs(postOrd);
    return `(${postMs} + floor(${draw} * least(${withinDays * DAY_MS}, ${this.end} - ${postMs}))::bigint)`;
  }
}

export const CAPTIONS = [
  'Golden hour again',
  'Weekend mood',
  'Could look at this all day',
  'Back where it started',
  'A quiet morning',
  'Long walk, good light',
  'Not bad for a Tuesday',
  'Found this on the way home',
  'Still thinking about this view',
  'One more from the archive',
  'Colours of the week',
  'Slow day, no plans',
] as const;

export const COMMENTS = [
  'Love this',
  'Stunning 😍',
  'Where is this?',
  'So good',
  'The light!',
  'Need to go here',
  '🔥🔥',
  'Beautiful shot',
  'This is everything',
  'Wow',
] as const;

export const sqlTextArray = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]::text[]`;

/**
 * Names for the data set's people, so search has something like real names to find: a username is a
 * first and a last name with a separator (and sometimes digits), the display name the two capitalised.
 * Ordinal o takes first name o mod F and last name (o div F) mod L, so F × L users get distinct pairs.
 */
export const FIRST_NAMES = (
  'ana ben cai dana eli fatima gabriel hana ivan julia kai lena marco nadia omar paula quinn rosa sami ' +
  'tara uma victor wen xavier yara zoe adam bianca carlos daria emil freya george helga isaac jana karl ' +
  'lucia mateo nina oscar pia rafael sara tomas ursula vera william ximena yusuf zara alba bruno clara ' +
  'diego elena felix greta hugo ines jonas kira leo maya nils olga pablo rita stefan tess ugo valentina ' +
  'wanda yann zeno amira boris chloe dmitri esme filip gina hamza iris jakob kaya luis mira noah ottilie ' +
  'priya rui selma theo una vince wilma yosef zainab aiko bodhi ciara dario enzo farah gil hedda ilya joao ' +
  'kenji lotte milan noor orla pedro'
).split(' ');

export const LAST_NAMES = (
  'silva park nguyen mueller rossi garcia kowalski jensen dubois tanaka novak smith costa ivanova ' +
  'andersen moreau kim schmidt lopez horvat berg fischer martin wagner santos petrov ferrari weber ' +
  'laurent meyer nowak virtanen dias romano yilmaz hoffmann lindqvist bianchi fernandez oliveira ' +
  'kovacs walsh murphy obrien kelly byrne ryan larsen nielsen hansen pedersen johansson karlsson ' +
  'eriksson svensson baker clarke hughes evans morgan price reed shaw stone ward wood young zhang wang ' +
  'chen liu yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo cruz reyes flores torres ' +
  'ramirez vargas castro ortiz ruiz alvarez mendoza moreno romero herrera medina aguilar'
).split(' ');

/** Hashtags for captions, most popular first (posts draw them with a power-law skew). */
export const HASHTAGS = (
  'photography travel nature sunset food love art streetphotography portrait landscape architecture ' +
  'coffee summer beach mountains dog cat flowers city blackandwhite friends family weekend goldenhour ' +
  'hiking ocean sky design fashion music vintage film analog night rain snow autumn spring winter ' +
  'garden bike running yoga books baking brunch pizza sushi vegan wine cocktails festival concert ' +
  'skate surf climbing camping roadtrip vanlife sea lake river forest desert island bridge museum ' +
  'gallery graffiti market cafe bakery icecream picnic sunrise clouds stars moon birds wildlife puppy ' +
  'kitten horses macro minimal colour texture shadows reflection symmetry doors windows stairs ' +
  'tram train airport harbour lighthouse castle church village countryside farm vineyard orchard ' +
  'tulips roses cherryblossom foliage waterfall canyon glacier volcano northernlights thunderstorm ' +
  'foggy mood cinematic portraitmode selfie ootd makeup tattoo handmade ceramics knitting woodwork ' +
  'painting sketch illustration calligraphy designinspo architecturelovers urban skyline rooftop neon'
).split(' ');
