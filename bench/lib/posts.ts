import { authHeaders, graphql, type Session } from './graphql';
import { sleep } from './stats';

/** Posting through the public API, as the web client does: POST /uploads, then createPost. */

export async function upload(url: string, session: Session, photo: Buffer): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`${url}/uploads`, {
    method: 'POST',
    headers: authHeaders(session.token),
    body: form,
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id) {
    throw new Error(`upload failed: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  }
  return body.id;
}

export type PostStatus = 'PROCESSING' | 'READY' | 'FAILED';

const CREATE_POST = `mutation BenchCreatePost($input: CreatePostInput!) {
  createPost(input: $input) { id status }
}`;

export async function createPost(url: string, session: Session, uploadId: string, caption: string) {
  const data = await graphql<{ createPost: { id: string; status: PostStatus } }>(
    url,
    CREATE_POST,
    { input: { caption, media: [{ uploadId }] } },
    session.token,
  );
  return data.createPost;
}

const POST_STATUS = `query BenchPostStatus($id: ID!) { post(id: $id) { status } }`;

export async function postStatus(url: string, session: Session, id: string): Promise<PostStatus | null> {
  const data = await graphql<{ post: { status: PostStatus } | null }>(
    url,
    POST_STATUS,
    { id },
    session.token,
  );
  return data.post?.status ?? null;
}

/** Polls until the post leaves PROCESSING; throws when it fails or takes longer than the timeout. */
export async function waitUntilReady(
  url: string,
  session: Session,
  id: string,
  options: { intervalMs: number; timeoutMs: number },
): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const status = await postStatus(url, session, id);
    if (status === 'READY') return;
    if (status === 'FAILED') throw new Error(`post ${id} failed to process`);
    if (performance.now() > deadline)
      throw new Error(`post ${id} still ${status} after ${options.timeoutMs} ms`);
    await sleep(options.intervalMs);
  }
}

const DELETE_POST = `mutation BenchDeletePost($id: ID!) { deletePost(id: $id) { deletedId } }`;

export async function deletePost(url: string, session: Session, id: string): Promise<void> {
  await graphql(url, DELETE_POST, { id }, session.token);
}
