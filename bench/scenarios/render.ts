import { renderImage } from '../../apps/server/src/platform/media';
import { type Figure, figure } from '../lib/figures';
import { summarize } from '../lib/stats';

/** media.render_12mp_ms: the image pipeline alone (decode, crop, every variant, placeholder), in process. */
export async function measureRender(photo: Buffer, runs: number): Promise<Figure[]> {
  await renderImage(photo, { mode: 'post' }); // warm-up: libvips start-up and codec initialisation
  const times: number[] = [];
  let variants = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const rendered = await renderImage(photo, { mode: 'post' });
    times.push(performance.now() - started);
    variants = rendered.variants.length;
  }
  return [
    figure('media.render_12mp_ms', 'ms', summarize(times), {
      digits: 0,
      note: `renderImage on a 4000×3000 grainy JPEG, ${variants} variants, in the benchmark process`,
    }),
  ];
}
