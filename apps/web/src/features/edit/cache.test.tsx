import { describe, expect, it } from 'vitest';
import { graphcacheClient, scriptedServer } from '../../test/scriptedServer';
import { editCache, editedPreviews } from './cache';
import { EditPostMediaMutation } from './EditPhotosPage';
import { EditedMediaQuery } from './watchEdits';

const image = (url: string) => ({
  __typename: 'Image',
  width: 1080,
  height: 1350,
  thumbhash: '',
  dominantColor: '#000000',
  sources: [{ __typename: 'ImageSource', url, width: 1080, format: 'JPEG' }],
});

const media = (id: string, editPending: boolean, url: string) => ({
  __typename: 'PostMedia',
  id,
  editPending,
  recipe: null,
  image: image(url),
});

describe('editCache', () => {
  it('shows the editor’s picture of a re-edited photo until its new render is fetched', async () => {
    let rendered = false;
    const server = scriptedServer((name) => {
      if (name === 'EditPostMedia') {
        return {
          data: {
            editPostMedia: {
              __typename: 'Post',
              id: 'p1',
              media: [media('m1', true, '/media/old-1.jpg'), media('m2', false, '/media/old-2.jpg')],
            },
          },
        };
      }
      if (name === 'EditedMedia') {
        return {
          data: {
            post: {
              __typename: 'Post',
              id: 'p1',
              media: [
                media('m1', !rendered, rendered ? '/media/new-1.jpg' : '/media/old-1.jpg'),
                media('m2', false, '/media/old-2.jpg'),
              ],
            },
          },
        };
      }
      return 'pending';
    });
    const client = graphcacheClient(server.exchange, [editCache], {
      keys: { Image: () => null, ImageSource: () => null },
      resolvers: { Query: { post: (_parent, args) => ({ __typename: 'Post', id: String(args.id) }) } },
    });
    editedPreviews.set('m1', { url: 'data:image/jpeg;base64,AAAA', width: 600, height: 750 });
    await client.mutation(EditPostMediaMutation, { postId: 'p1', media: [] }).toPromise();

    const cached = await client
      .query(EditedMediaQuery, { id: 'p1' }, { requestPolicy: 'cache-only' })
      .toPromise();
    const [first, second] = cached.data?.post?.media ?? [];
    expect(first?.image?.sources[0]?.url).toBe('data:image/jpeg;base64,AAAA');
    expect(first?.image?.width).toBe(600);
    expect(second?.image?.sources[0]?.url).toBe('/media/old-2.jpg');

    rendered = true;
    const fresh = await client
      .query(EditedMediaQuery, { id: 'p1' }, { requestPolicy: 'network-only' })
      .toPromise();
    expect(fresh.data?.post?.media[0]?.image?.sources[0]?.url).toBe('/media/new-1.jpg');
    editedPreviews.clear();
  });
});
