import type { Client } from 'urql';
import { showToast } from '../../components/post/toast';
import { graphql } from '../../graphql';
import { editedPreviews } from './cache';

/** Whether the re-edited photos are still rendering (their pictures stay the editor's until then). */
const EditPendingQuery = graphql(`
  query EditPending($id: ID!) {
    post(id: $id) {
      id
      media { id editPending }
    }
  }
`);

/** The re-edited photos' new renders, asked for once none is pending, which refreshes every screen. */
export const EditedMediaQuery = graphql(`
  query EditedMedia($id: ID!) {
    post(id: $id) {
      id
      media {
        id
        editPending
        recipe
        image { width height thumbhash dominantColor sources { url width format } }
      }
    }
  }
`);

const POLL_MS = 800;
const GIVE_UP_MS = 60_000;
const watching = new Set<string>();

/**
 * After "Save", the server renders the new recipes in the background and serves the old photos until
 * then (the post shows the editor's pictures meanwhile, see cache.ts). This asks until no edit is
 * pending, then fetches the new renders: the post (and any feed showing it) changes in place. One
 * watch per post at a time.
 */
export async function watchEdits(client: Client, postId: string): Promise<'ready' | 'slow'> {
  if (watching.has(postId)) return 'slow';
  watching.add(postId);
  try {
    const deadline = Date.now() + GIVE_UP_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const result = await client
        .query(EditPendingQuery, { id: postId }, { requestPolicy: 'network-only' })
        .toPromise();
      const media = result.data?.post?.media;
      if (media && !media.some((m) => m.editPending)) {
        await client.query(EditedMediaQuery, { id: postId }, { requestPolicy: 'network-only' }).toPromise();
        for (const m of media) editedPreviews.delete(m.id);
        showToast('Your edited photos are ready');
        return 'ready';
      }
    }
    return 'slow';
  } finally {
    watching.delete(postId);
  }
}
