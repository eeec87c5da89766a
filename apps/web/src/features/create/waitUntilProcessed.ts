import type { Client } from 'urql';
import { graphql } from '../../graphql';

const CreatedPostStatusQuery = graphql(`
  query CreatedPostStatus($id: ID!) {
    post(id: $id) {
      id
      status
    }
  }
`);

const POLL_MS = 700;
const GIVE_UP_MS = 30_000;

/**
 * A new post reaches the feed only once its photos are processed (status READY), which takes a second
 * or two; waiting here is what lets the feed the author returns to open with their post on top.
 */
export async function waitUntilProcessed(
  client: Client,
  postId: string,
): Promise<'ready' | 'failed' | 'slow'> {
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    const result = await client
      .query(CreatedPostStatusQuery, { id: postId }, { requestPolicy: 'network-only' })
      .toPromise();
    const status = result.data?.post?.status;
    if (status === 'READY') return 'ready';
    if (status === 'FAILED') return 'failed';
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return 'slow';
}
