import { describe, expect, it } from 'vitest';
import { hashtagsIn, mentionsIn, parseEntities } from './entities';

describe('text entities', () => {
  it('finds hashtags, mentions and links with UTF-16 offsets', () => {
    const text = 'Café #Sunset at https://ex.am/p?q=1 with @ana.b. #日本 #2024';
    const entities = parseEntities(text);
    expect(entities.map((e) => [e.kind, text.slice(e.start, e.end), e.value])).toEqual([
      ['HASHTAG', '#Sunset', 'sunset'],
      ['URL', 'https://ex.am/p?q=1', 'https://ex.am/p?q=1'],
      ['MENTION', '@ana.b', 'ana.b'],
      ['HASHTAG', '#日本', '日本'],
    ]);
  });

  it('ignores emails, mid-word markers, tags inside links and markup', () => {
    expect(mentionsIn('write to me@example.com')).toEqual([]);
    expect(hashtagsIn('issue#12 and https://x.io/#anchor')).toEqual([]);
    expect(parseEntities('<b>#bold</b>').map((e) => e.value)).toEqual(['bold']);
  });

  it('deduplicates', () => {
    expect(hashtagsIn('#a #A #a')).toEqual(['a']);
  });
});
