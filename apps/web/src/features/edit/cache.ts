import { graphql, type ResultOf } from '../../graphql';
import type { CachePart } from '../../lib/cache-parts';

/** The editor's pictures of re-edited photos, by media id, until the server's new renders are ready. */
export interface EditedPreview {
  url: string;
  width: number;
  height: number;
}

export const editedPreviews = new Map<string, EditedPreview>();

const EditedImage = graphql(`
  fragment EditedImage on PostMedia {
    id
    image { width height thumbhash dominantColor sources { url width format } }
  }
`);

/**
 * Re-edited photos show at once: while the server renders a new recipe (editPending), the post's photo
 * is the editor's own picture of it, wherever the post is shown. The server's render replaces it when
 * watchEdits fetches it.
 */
export const editCache: CachePart = {
  updates: {
    editPostMedia(result, _args, cache) {
      const media = (result.editPostMedia as { media?: { id?: string; editPending?: boolean }[] } | null)
        ?.media;
      for (const m of media ?? []) {
        const preview = m.id && m.editPending ? editedPreviews.get(m.id) : undefined;
        if (!m.id || !preview) continue;
        // With the typenames Graphcache files embedded objects under (the fragment's type leaves them out).
        const image = {
          __typename: 'Image',
          width: preview.width,
          height: preview.height,
          thumbhash: '',
          dominantColor: '#262626',
          sources: [
            { __typename: 'ImageSource', url: preview.url, width: preview.width, format: 'JPEG' as const },
          ],
        };
        const entity = { __typename: 'PostMedia', id: m.id, image };
        const data: ResultOf<typeof EditedImage> = entity;
        cache.writeFragment(EditedImage, data);
      }
    },
  },
};
