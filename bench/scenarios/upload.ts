import { type Figure, figure } from '../lib/figures';
import type { Session } from '../lib/graphql';
import { createPost, deletePost, upload, waitUntilReady } from '../lib/posts';
import { summarize } from '../lib/stats';

/**
 * upload.12mp_ms: a 12 MP photo through the whole media pipeline as a client sees it: POST /uploads,
 * createPost, then polling until the post is READY (every variant stored). Each post is deleted after.
 */
const POLL_MS = 10;

export async function measureUpload(
  url: string,
  uploader: Session,
  photo: Buffer,
  options: { runs: number; warmups: number },
): Promise<Figure[]> {
  const totals: number[] = [];
  const uploads: number[] = [];
  const processing: number[] = [];
  for (let i = 0; i < options.warmups + options.runs; i++) {
    const started = performance.now();
    const uploadId = await upload(url, uploader, photo);
    const uploaded = performance.now();
    const post = await createPost(url, uploader, uploadId, `Benchmark upload ${i + 1}`);
    const created = performance.now();
    await waitUntilReady(url, uploader, post.id, { intervalMs: POLL_MS, timeoutMs: 60_000 });
    const ready = performance.now();
    await deletePost(url, uploader, post.id);
    if (i < options.warmups) continue;
    totals.push(ready - started);
    uploads.push(uploaded - started);
    processing.push(ready - created);
  }
  const median = (values: number[]) => Math.round(summarize(values).median);
  return [
    figure('upload.12mp_ms', 'ms', summarize(totals), {
      digits: 0,
      target: { op: '<=', value: 700 },
      note:
        `${(photo.length / 1024 / 1024).toFixed(1)} MB JPEG; medians: POST /uploads ${median(uploads)} ms, ` +
        `createPost to READY ${median(processing)} ms (polled every ${POLL_MS} ms)`,
    }),
  ];
}
