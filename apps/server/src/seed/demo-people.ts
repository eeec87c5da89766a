/** The demo community's members and who follows whom: fourteen people in loosely overlapping circles. */

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'glimpse-demo';

export interface DemoPerson {
  username: string;
  displayName: string;
  bio: string;
  website?: string;
  isPrivate?: boolean;
  /** Accounts this person follows; a private one gets a follow request instead. */
  follows: readonly string[];
  /** For a private account: the requests it approved. The others stay pending. */
  approves?: readonly string[];
}

// Websites use the reserved .example top-level domain, so no demo link ever points at a real site.
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    username: 'maya.okafor',
    displayName: 'Maya Okafor',
    bio: 'Landscape photographer chasing first light 🌄 #goldenhour | prints & workshops ↓',
    website: 'https://mayaokafor.example',
    follows: [
      'kenji.nights',
      'sofia.draws',
      'lena.climbs',
      'sam.at.sea',
      'noor.lines',
      'priya.wanders',
      'elliot.runs',
      'ravi.rides',
    ],
  },
  {
    username: 'kenji.nights',
    displayName: 'Kenji Watanabe',
    bio: 'City lights after midnight. Night walks, long exposures. #nightphotography',
    website: 'https://kenji-after-dark.example',
    follows: ['maya.okafor', 'sofia.draws', 'amara.sounds', 'noor.lines', 'marco.espresso', 'zoe.reads'],
  },
  {
    username: 'sofia.draws',
    displayName: 'Sofia Márquez',
    bio: 'Illustrator & pattern nerd ◐ shapes, colour, Bauhaus forever. Commissions open #illustration',
    website: 'https://sofiamarquez.example',
    follows: [
      'maya.okafor',
      'kenji.nights',
      'noor.lines',
      'zoe.reads',
      'amara.sounds',
      'theo.bakes',
      'liv.grant',
    ],
  },
  {
    username: 'lena.climbs',
    displayName: 'Lena Hoffmann',
    bio: 'Rock, snow, repeat 🧗‍♀️ Alps-based. Weekend partner in crime: @elliot.runs',
    follows: ['maya.okafor', 'ravi.rides', 'elliot.runs', 'sam.at.sea', 'priya.wanders', 'kenji.nights'],
  },
  {
    username: 'sam.at.sea',
    displayName: "Sam O'Connor",
    bio: 'Skipper, mostly wet ⛵ Crossing the Atlantic slowly. #sailing',
    follows: [
      'maya.okafor',
      'lena.climbs',
      'priya.wanders',
      'elliot.runs',
      'ravi.rides',
      'theo.bakes',
      'marco.espresso',
    ],
  },
  {
    username: 'priya.wanders',
    displayName: 'Priya Shah',
    bio: 'Collecting sunsets in 31 countries so far ✈️ friends & family only',
    isPrivate: true,
    follows: [
      'maya.okafor',
      'sam.at.sea',
      'liv.grant',
      'zoe.reads',
      'kenji.nights',
      'lena.climbs',
      'amara.sounds',
    ],
    approves: ['maya.okafor', 'lena.climbs', 'sam.at.sea', 'zoe.reads'],
  },
  {
    username: 'theo.bakes',
    displayName: 'Theo Lindqvist',
    bio: 'Up at 4, flour everywhere 🥖 Sourdough with coffee from @marco.espresso #realbread',
    follows: ['marco.espresso', 'amara.sounds', 'zoe.reads', 'liv.grant', 'elliot.runs', 'sofia.draws'],
  },
  {
    username: 'amara.sounds',
    displayName: 'Amara Diallo',
    bio: 'DJ / producer. Fridays at the warehouse 🎧 #housemusic',
    website: 'https://amara-sounds.example',
    follows: [
      'kenji.nights',
      'theo.bakes',
      'marco.espresso',
      'sofia.draws',
      'zoe.reads',
      'noor.lines',
      'elliot.runs',
    ],
  },
  {
    username: 'ravi.rides',
    displayName: 'Ravi Menon',
    bio: 'Software by day, climbs on two wheels by weekend 🚴 #cycling',
    follows: [
      'lena.climbs',
      'elliot.runs',
      'maya.okafor',
      'sam.at.sea',
      'kenji.nights',
      'noor.lines',
      'priya.wanders',
    ],
  },
  {
    username: 'noor.lines',
    displayName: 'Noor Haddad',
    bio: 'Architect. Concrete, light and straight lines 📐 #architecture',
    follows: ['sofia.draws', 'kenji.nights', 'maya.okafor', 'marco.espresso', 'zoe.reads', 'amara.sounds'],
  },
  {
    username: 'elliot.runs',
    displayName: 'Elliot Park',
    bio: 'Marathons, trails, too many shoes 🏃 training log with @ravi.rides #running',
    follows: [
      'ravi.rides',
      'lena.climbs',
      'sam.at.sea',
      'maya.okafor',
      'theo.bakes',
      'liv.grant',
      'marco.espresso',
      'amara.sounds',
    ],
  },
  {
    username: 'liv.grant',
    displayName: 'Olivia Grant',
    bio: 'Garden, books, fairy lights. Close friends only 🌿',
    isPrivate: true,
    follows: ['priya.wanders', 'zoe.reads', 'theo.bakes', 'elliot.runs', 'marco.espresso', 'maya.okafor'],
    approves: ['priya.wanders', 'theo.bakes', 'elliot.runs', 'zoe.reads'],
  },
  {
    username: 'marco.espresso',
    displayName: 'Marco Bianchi',
    bio: 'Roasting small batches since 2014 ☕ Find us by the harbour. #specialtycoffee',
    website: 'https://marco-roasts.example',
    follows: [
      'theo.bakes',
      'amara.sounds',
      'zoe.reads',
      'kenji.nights',
      'noor.lines',
      'liv.grant',
      'sofia.draws',
    ],
  },
  {
    username: 'zoe.reads',
    displayName: 'Zoë Laurent',
    bio: 'Bookseller 📚 reading by the sea, mostly. Book club with @liv.grant #bookstagram',
    follows: [
      'liv.grant',
      'priya.wanders',
      'theo.bakes',
      'marco.espresso',
      'sofia.draws',
      'kenji.nights',
      'maya.okafor',
      'amara.sounds',
      'noor.lines',
    ],
  },
];

/** The demo accounts' usernames, for the README and tests. */
export const DEMO_USERNAMES: readonly string[] = DEMO_PEOPLE.map((p) => p.username);
