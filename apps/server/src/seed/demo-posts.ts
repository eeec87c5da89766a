/**
 * The demo community's posts, oldest first, with the comments people left on them. Each photo names
 * the drawn scene it shows (see platform/media/demo-scenes.ts) so captions and pictures agree.
 */

export type DemoScene = 'mountains' | 'ocean' | 'city' | 'lights' | 'shapes' | 'dunes';
export type DemoShape = 'portrait' | 'square' | 'landscape';

export interface DemoPhoto {
  scene: DemoScene;
  shape: DemoShape;
  alt: string;
}

/** A comment by `by`; `replyTo` is the index of the comment it answers on the same post. */
export type DemoComment = readonly [by: string, text: string, replyTo?: number];

export interface DemoPost {
  by: string;
  caption: string;
  photos: readonly DemoPhoto[];
  comments?: readonly DemoComment[];
}

/** Pixel sizes of the shapes Instagram allows: 4:5 portrait, square, 1.91:1 landscape. */
export const SHAPE_SIZE: Readonly<Record<DemoShape, readonly [width: number, height: number]>> = {
  portrait: [1080, 1350],
  square: [1080, 1080],
  landscape: [1080, 566],
};

/** The index of each scene in generateDemoPhoto's cycle (seed % 6). */
export const SCENE_INDEX: Readonly<Record<DemoScene, number>> = {
  mountains: 0,
  ocean: 1,
  city: 2,
  lights: 3,
  shapes: 4,
  dunes: 5,
};

const photo = (scene: DemoScene, shape: DemoShape, alt: string): DemoPhoto => ({ scene, shape, alt });

/** Short reactions for posts nobody wrote comments for; picked by the seeded random generator. */
export const REACTIONS: readonly string[] = [
  'Wow 😍',
  'This is stunning',
  'Okay I need this as a print',
  'The colours!!',
  'Saving this one',
  'Goals 🙌',
  'So good',
  '🔥🔥🔥',
  'Obsessed with this',
  'This made my morning',
  'Incredible light',
  'Take me there',
];

export const DEMO_POSTS: readonly DemoPost[] = [
  {
    by: 'maya.okafor',
    caption:
      'First light over the ridge this morning. Alarm at 4:40, zero regrets. #goldenhour #mountains #landscapephotography',
    photos: [photo('mountains', 'portrait', 'Layered mountain ridges under a pink and orange sunrise sky')],
    comments: [
      ['lena.climbs', 'Which ridge is this?? 😍'],
      ['maya.okafor', '@lena.climbs the one we bailed on in May 😅', 0],
      ['kenji.nights', 'The layers!!'],
    ],
  },
  {
    by: 'kenji.nights',
    caption: 'Rain stopped at 1am and the whole city switched on. #nightphotography #citylights',
    photos: [photo('city', 'portrait', 'Dark skyline at night with lit windows and a full moon')],
    comments: [
      ['noor.lines', 'Those windows 👌'],
      ['amara.sounds', 'this is my walk home!'],
    ],
  },
  {
    by: 'sofia.draws',
    caption:
      "New print series: 'Bauhaus Weekend'. Three of six, the rest next week ◐ #illustration #bauhaus #printshop",
    photos: [
      photo('shapes', 'square', 'Print of circles, half circles and stripes in purple, yellow and green'),
      photo('shapes', 'square', 'Print of quarter circles and triangles in navy, red and pale blue'),
      photo('shapes', 'square', 'Print of a grid of bold geometric shapes on cream paper'),
    ],
    comments: [
      ['noor.lines', 'I need the second one for the studio wall'],
      ['zoe.reads', 'Pre-ordering all six 🙋‍♀️'],
      ['sofia.draws', "@zoe.reads you're the best 💛", 1],
    ],
  },
  {
    by: 'sam.at.sea',
    caption: 'Day 3, flat calm, sun going down and the kettle on. Not complaining. #sailing #sunset',
    photos: [photo('ocean', 'landscape', 'Calm sea at sunset with the sun reflected in a path of light')],
    comments: [
      ['maya.okafor', 'That reflection 😮'],
      ['elliot.runs', 'Jealous from my desk.'],
    ],
  },
  {
    by: 'theo.bakes',
    caption:
      '4am bakery lights. Nobody tells you the best part of the job is the quiet. #realbread #sourdough',
    photos: [
      photo('lights', 'portrait', 'Blurred warm lights glowing in the dark of an early-morning bakery'),
    ],
    comments: [
      ['marco.espresso', 'Save me a cardamom bun'],
      ['theo.bakes', '@marco.espresso already in a bag with your name on it', 0],
    ],
  },
  {
    by: 'lena.climbs',
    caption: 'Summit day with @elliot.runs ☀️ Legs: gone. Views: worth it. #alps #mountains',
    photos: [
      photo('mountains', 'portrait', 'View from a summit over hazy ridges at sunrise'),
      photo('mountains', 'landscape', 'Wide panorama of mountain ranges fading into the distance'),
    ],
    comments: [
      ['elliot.runs', "Still can't feel my calves"],
      ['ravi.rides', "Next time I'm coming"],
    ],
  },
  {
    by: 'priya.wanders',
    caption: 'Somewhere between Merzouga and nowhere. Sand in everything. #sahara #travel',
    photos: [
      photo('dunes', 'landscape', 'Rolling sand dunes under a pale blue sky'),
      photo('dunes', 'portrait', 'Curving dune ridges in warm afternoon light'),
      photo('dunes', 'square', 'Close view of sand waves with the sun high above'),
    ],
    comments: [
      ['maya.okafor', 'This is unreal'],
      ['zoe.reads', 'Bring me back some sand 😂'],
    ],
  },
  {
    by: 'amara.sounds',
    caption: 'Friday. Warehouse. Thank you to everyone who stayed till 5 🎧 #housemusic',
    photos: [photo('lights', 'square', 'Out-of-focus coloured stage lights in a dark room')],
    comments: [
      ['kenji.nights', 'Best set this year'],
      ['theo.bakes', 'My ears are still ringing (complimentary)'],
    ],
  },
  {
    by: 'noor.lines',
    caption: 'Facade study: rhythm, repetition, one bold red. #architecture #design',
    photos: [photo('shapes', 'portrait', 'Geometric facade pattern of circles, triangles and stripes')],
    comments: [['sofia.draws', 'Okay this is basically a print already']],
  },
  {
    by: 'ravi.rides',
    caption: 'Col de la Madone before breakfast. 58 minutes, new PB 🚴 #cycling #climbing',
    photos: [photo('mountains', 'landscape', 'Mountain silhouettes at dawn seen from a high road')],
    comments: [
      ['elliot.runs', 'Monster 💪'],
      ['lena.climbs', 'The real question: how many coffees after?'],
    ],
  },
  {
    by: 'marco.espresso',
    caption:
      'New Ethiopian on the bar this week: peach, jasmine, a bit of bergamot. #specialtycoffee #pourover',
    photos: [photo('lights', 'square', 'Soft blurred lights of the café at opening time')],
  },
  {
    by: 'zoe.reads',
    caption:
      'Reading by the water until the light goes. Current book: a very long Russian novel. #bookstagram',
    photos: [photo('ocean', 'portrait', 'The sea at dusk with a low sun and thin clouds')],
    comments: [
      ['liv.grant', "Which one?? Tell me it's not the 900-page one"],
      ['zoe.reads', '@liv.grant it is the 900-page one 🙃', 0],
    ],
  },
  {
    by: 'maya.okafor',
    caption:
      'Four mornings, four ridges. Swipe for the one that almost froze my fingers off ❄️ #landscapephotography #goldenhour',
    photos: [
      photo('mountains', 'portrait', 'Sunrise over a valley filled with haze'),
      photo('mountains', 'square', 'Dark ridgeline against a glowing sky'),
      photo('mountains', 'landscape', 'Long range of peaks in pastel morning light'),
      photo('mountains', 'portrait', 'Birds flying over mountains at first light'),
    ],
    comments: [
      ['sofia.draws', 'Number three 😍'],
      ['noor.lines', 'The gradient in the second one'],
    ],
  },
  {
    by: 'kenji.nights',
    caption: 'Bokeh experiments on the tram. 50mm wide open. #bokeh #nightphotography',
    photos: [photo('lights', 'portrait', 'Soft round blurs of city lights through a tram window')],
  },
  {
    by: 'elliot.runs',
    caption: 'Sunrise tempo run on the beach. 12k, 4:35 avg. @ravi.rides you owe me a coffee #running',
    photos: [photo('ocean', 'landscape', 'Beach at sunrise with the sun just above the horizon')],
    comments: [
      ['ravi.rides', 'Pay up tomorrow ☕'],
      ['marco.espresso', 'He can pay me directly 😄'],
    ],
  },
  {
    by: 'liv.grant',
    caption: 'The garden at dusk, fairy lights finally up 🌿✨',
    photos: [photo('lights', 'portrait', 'Fairy lights glowing out of focus in a dark garden')],
    comments: [
      ['zoe.reads', 'Cosiest place on earth'],
      ['priya.wanders', 'Saving me a chair for when I land?'],
      ['liv.grant', '@priya.wanders always', 1],
    ],
  },
  {
    by: 'sofia.draws',
    caption: 'Colour study before a big commission. Red or blue for the circles? #illustration #colourtheory',
    photos: [photo('shapes', 'square', 'Colour study of geometric shapes in red, navy and pale blue')],
    comments: [
      ['noor.lines', 'Red. Always red.'],
      ['maya.okafor', 'Blue!'],
      ['sofia.draws', '@noor.lines red it is', 0],
    ],
  },
  {
    by: 'sam.at.sea',
    caption: 'Landfall! 19 days, one broken winch, zero whales (yet). #sailing #atlantic',
    photos: [
      photo('ocean', 'portrait', 'Open sea at evening with a distant headland'),
      photo('ocean', 'landscape', 'Sun setting over still water seen from the deck'),
    ],
    comments: [
      ['maya.okafor', 'Welcome back!! 🎉'],
      ['lena.climbs', 'Drinks are on you'],
    ],
  },
  {
    by: 'noor.lines',
    caption: 'Night shift at the studio, the city keeping me company. #architecture #cityscape',
    photos: [photo('city', 'landscape', 'City towers at night with scattered lit windows')],
  },
  {
    by: 'amara.sounds',
    caption: 'Studio lights, new track almost done. Out next month 🎹 #producer',
    photos: [photo('lights', 'square', 'Blurred purple and blue lights of a music studio')],
  },
  {
    by: 'lena.climbs',
    caption: "Rest day, they said. Hiked to a hut at 2,600 m, they said it's a rest day. #alps",
    photos: [photo('mountains', 'square', 'Hazy mountain layers seen from a high hut')],
  },
  {
    by: 'theo.bakes',
    caption: 'Morning walk to the bakery, harbour still asleep. #morning',
    photos: [photo('ocean', 'portrait', 'Quiet harbour water at dawn under a pale sky')],
  },
  {
    by: 'ravi.rides',
    caption: 'Alpine loop recap: 142 km, 3,900 m up, one puncture. Photos by @lena.climbs #cycling #alps',
    photos: [
      photo('mountains', 'landscape', 'Road view of mountain ranges in the evening'),
      photo('mountains', 'portrait', 'Peaks glowing orange at the end of a long ride'),
      photo('mountains', 'square', 'Dark foreground ridge against a bright sky'),
    ],
    comments: [['lena.climbs', 'The photographer would like credit in the form of cake']],
  },
  {
    by: 'priya.wanders',
    caption: 'Back on the coast. Wrote 0 emails, watched 4 sunsets.',
    photos: [photo('ocean', 'square', 'Sunset over the sea with a glittering path of light')],
  },
  {
    by: 'marco.espresso',
    caption: "Roastery at night. Batch 214 smells like caramel and I'm not sorry. #coffeeroasting",
    photos: [photo('lights', 'landscape', 'Warm blurred lights inside the roastery at night')],
    comments: [['theo.bakes', 'Swapping you bread for a bag of this']],
  },
  {
    by: 'maya.okafor',
    caption: 'Dunes at 6am. Wind erased our footprints in minutes. #desert #landscapephotography',
    photos: [photo('dunes', 'portrait', 'Smooth sand dunes in soft early light')],
  },
  {
    by: 'zoe.reads',
    caption: "Window display for the shop, inspired by @sofia.draws's prints 📚◐ #bookshop",
    photos: [
      photo('shapes', 'square', 'Bookshop window decorated with bold geometric shapes'),
      photo('shapes', 'portrait', 'Detail of the window display with circles and stripes'),
    ],
    comments: [
      ['sofia.draws', 'Crying, this is so lovely 😭'],
      ['liv.grant', 'Best window on the street'],
    ],
  },
  {
    by: 'kenji.nights',
    caption:
      'Blue hour, rooftop, borrowed tripod. @noor.lines spot the building you designed #nightphotography',
    photos: [photo('city', 'portrait', 'Skyline at blue hour with the moon above the towers')],
    comments: [
      ['noor.lines', 'Third from the left!! 🥹'],
      ['kenji.nights', '@noor.lines looks even better at night', 0],
    ],
  },
  {
    by: 'elliot.runs',
    caption: 'Trail race tomorrow. Carbo-loading at @theo.bakes with zero shame. #trailrunning',
    photos: [photo('lights', 'square', 'Warm glowing lights in the bakery window')],
    comments: [['theo.bakes', 'Good luck!! Extra bun in the bag']],
  },
  {
    by: 'sofia.draws',
    caption: 'Finished the mural sketch! 4m × 3m, painting starts Monday. #mural #illustration',
    photos: [photo('shapes', 'landscape', 'Wide mural sketch of overlapping geometric shapes')],
  },
  {
    by: 'sam.at.sea',
    caption: "Harbour life. Fixing things, drinking @marco.espresso's coffee, fixing more things.",
    photos: [photo('ocean', 'square', 'Still water in the harbour under a soft evening sun')],
  },
  {
    by: 'lena.climbs',
    caption: 'Via ferrata season is open 🧗‍♀️ #climbing #mountains',
    photos: [
      photo('mountains', 'portrait', 'Steep mountainside catching the first sun'),
      photo('mountains', 'portrait', 'Ridge after ridge under a clear sky'),
      photo('mountains', 'square', 'View down the valley from the top of the route'),
    ],
  },
  {
    by: 'amara.sounds',
    caption: 'City from the booth window at 3am. This is why I do it. #nightlife',
    photos: [photo('city', 'square', 'The city skyline at night seen from a high window')],
  },
  {
    by: 'noor.lines',
    caption: 'Site visit: the new library is finally getting its skin. #architecture #construction',
    photos: [
      photo('shapes', 'landscape', 'Panel pattern of the new library facade'),
      photo('city', 'portrait', 'The library among neighbouring towers at night'),
    ],
  },
  {
    by: 'theo.bakes',
    caption: 'Weekend special: rye & fennel loaves. Gone by 10, come early. #realbread',
    photos: [photo('lights', 'square', 'Warm glow of the bakery counter, out of focus')],
  },
  {
    by: 'liv.grant',
    caption: 'Sea swim before work. Cold, wonderful, would recommend.',
    photos: [photo('ocean', 'portrait', 'Cold grey-blue sea in early morning light')],
  },
  {
    by: 'ravi.rides',
    caption: 'Night ride through the city, the roads all ours. #cycling',
    photos: [photo('city', 'landscape', 'Towers lit up at night along an empty road')],
  },
  {
    by: 'maya.okafor',
    caption:
      'Storm clearing over the valley. Waited three hours for this ten-second window. #mountains #weather',
    photos: [photo('mountains', 'landscape', 'Light breaking through after a storm over mountain ridges')],
  },
  {
    by: 'priya.wanders',
    caption: "Desert camp, last night. Stars, mint tea, a guitar someone couldn't actually play.",
    photos: [
      photo('dunes', 'portrait', 'Dunes at the edge of camp in the late afternoon'),
      photo('dunes', 'square', 'Sand waves stretching to the horizon'),
      photo('lights', 'portrait', 'Blurred campfire and lantern lights at night'),
    ],
    comments: [['sam.at.sea', 'The guitar player was me, I assume']],
  },
  {
    by: 'kenji.nights',
    caption: 'Reflections. Walked in the rain for two hours for this one. #citylights',
    photos: [photo('city', 'portrait', 'Lit windows of city towers under a starry night sky')],
  },
  {
    by: 'marco.espresso',
    caption: 'Latte art class tonight, thank you @amara.sounds for the playlist ☕🎧',
    photos: [photo('lights', 'portrait', 'Café lights blurred into soft circles')],
  },
  {
    by: 'zoe.reads',
    caption:
      'Golden hour at the beach, finished the Russian novel. I feel like a different person. #bookstagram',
    photos: [photo('ocean', 'landscape', 'Beach at golden hour with a calm sea')],
    comments: [
      ['liv.grant', 'PROUD. Book club is yours next month'],
      ['zoe.reads', '@liv.grant something under 200 pages please', 0],
    ],
  },
  {
    by: 'elliot.runs',
    caption:
      'Race report: 2nd in my age group! Hills were brutal. @lena.climbs thanks for the training hikes 🏔️ #trailrunning',
    photos: [
      photo('mountains', 'portrait', 'Mountain trail country under the morning sun'),
      photo('mountains', 'square', 'Finish-line view back towards the hills'),
    ],
    comments: [
      ['lena.climbs', 'Told you the hills would pay off!'],
      ['ravi.rides', 'Machine 🏃'],
    ],
  },
  {
    by: 'sofia.draws',
    caption: 'Tiny sketchbook, big shapes. #sketchbook',
    photos: [photo('shapes', 'portrait', 'Sketchbook page of bold circles and triangles')],
  },
  {
    by: 'sam.at.sea',
    caption: "Red sky at night, sailor's delight. The old ones are right sometimes. #sunset #sailing",
    photos: [photo('ocean', 'portrait', 'Red and gold sunset over open water')],
  },
  {
    by: 'noor.lines',
    caption: 'Desert research trip for a new project: how does light move over sand? #architecture #desert',
    photos: [photo('dunes', 'landscape', 'Light and shadow across wide sand dunes')],
    comments: [['maya.okafor', 'Call me for the next one, I will carry the tripod']],
  },
  {
    by: 'amara.sounds',
    caption: 'Sunday off. Ocean, no headphones. #recharge',
    photos: [photo('ocean', 'square', 'Quiet sea and sky in soft afternoon light')],
  },
  {
    by: 'theo.bakes',
    caption: 'Walking home past the sleeping city at 5am, bread in the oven. #morning',
    photos: [photo('city', 'square', 'The city still dark before dawn, a few windows lit')],
  },
  {
    by: 'lena.climbs',
    caption: 'Sunset from the bivouac. Worth every gram in the pack. #alpinism',
    photos: [photo('mountains', 'portrait', 'Sunset glow over ridges seen from a mountain bivouac')],
  },
  {
    by: 'maya.okafor',
    caption:
      "Behind the scenes of this week's workshop: eight students, one sunrise, a lot of coffee. Thanks @marco.espresso for the thermos 🙏 #workshop #goldenhour",
    photos: [
      photo('mountains', 'landscape', 'Workshop group view of mountains at sunrise'),
      photo('dunes', 'square', 'Sand dunes photographed during the workshop'),
      photo('ocean', 'portrait', 'The sea at sunrise on the last workshop morning'),
    ],
    comments: [
      ['marco.espresso', 'Anytime ☕'],
      ['kenji.nights', 'Next one I am signing up'],
    ],
  },
  {
    by: 'ravi.rides',
    caption: 'Rest day ride to the coast. Flat, slow, perfect. #cycling',
    photos: [photo('ocean', 'landscape', 'Coastline and calm sea under a clear sky')],
  },
  {
    by: 'kenji.nights',
    caption: 'Festival of lights, downtown. Three nights, 900 photos, these three. #bokeh #festival',
    photos: [
      photo('lights', 'portrait', 'Colourful blurred festival lights at night'),
      photo('lights', 'square', 'Green and gold light orbs floating in the dark'),
      photo('city', 'portrait', 'Downtown towers during the festival, windows glowing'),
    ],
    comments: [
      ['amara.sounds', 'Was there night two! 🎶'],
      ['zoe.reads', 'The second one is magic'],
    ],
  },
  {
    by: 'liv.grant',
    caption: 'Book club night at mine. @zoe.reads brought the wine AND the book.',
    photos: [photo('lights', 'square', 'Candles and fairy lights blurred in a cosy living room')],
    comments: [['zoe.reads', 'Under 200 pages as promised 😌']],
  },
  {
    by: 'marco.espresso',
    caption: 'Harbour at sunrise, before the first customers. My favourite 20 minutes.',
    photos: [photo('ocean', 'portrait', 'Sunrise over the harbour mouth, water perfectly still')],
  },
  {
    by: 'zoe.reads',
    caption: 'Autumn window at the shop. Come browse, we have tea. #bookshop',
    photos: [photo('shapes', 'square', 'Autumn-coloured geometric window display')],
  },
  {
    by: 'elliot.runs',
    caption: 'Easy 8k along the river. Legs remember the race. #running',
    photos: [photo('city', 'landscape', 'Skyline across the river at night')],
  },
  {
    by: 'sofia.draws',
    caption:
      "The full 'Bauhaus Weekend' series, all six prints framed at last ◐ Thank you @noor.lines for the wall space! #illustration #bauhaus",
    photos: [
      photo('shapes', 'portrait', 'Framed print one: purple squares and yellow circles'),
      photo('shapes', 'portrait', 'Framed print two: navy and red triangles'),
      photo('shapes', 'square', 'Framed print three: green triangle on cream'),
      photo('shapes', 'square', 'Framed print four: stripes and half circles'),
    ],
    comments: [
      ['noor.lines', 'They look perfect on that wall'],
      ['amara.sounds', 'Need a cover from you 👀'],
      ['sofia.draws', '@amara.sounds DM me!', 1],
    ],
  },
  {
    by: 'sam.at.sea',
    caption: 'Heading south again. See you in spring, @maya.okafor 🌊 #sailing',
    photos: [photo('ocean', 'landscape', 'Open ocean at sunset with a line of clouds')],
    comments: [['maya.okafor', 'Fair winds, friend ⛵']],
  },
  {
    by: 'amara.sounds',
    caption: 'Release day! New EP out everywhere. Cover art by the amazing @sofia.draws 🎧◐ #newmusic',
    photos: [photo('shapes', 'square', 'EP cover art of bold geometric shapes')],
    comments: [
      ['sofia.draws', 'So proud to be part of this 💛'],
      ['kenji.nights', 'On repeat already'],
      ['theo.bakes', 'Playing it in the bakery all week'],
    ],
  },
  {
    by: 'maya.okafor',
    caption: 'Last light of the season. Thank you for following along this autumn 🧡 #goldenhour #mountains',
    photos: [photo('mountains', 'portrait', 'Final sunset of the season over layered mountains')],
    comments: [
      ['lena.climbs', 'What a season it was'],
      ['sam.at.sea', 'Beautiful, as always'],
    ],
  },
];
