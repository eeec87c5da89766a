/** Decoded pixels kept in memory between the one decode of an original and its encodes. */
export interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
}

/** The layout sharp needs to read a RawImage back. */
export function rawLayout(image: RawImage): { width: number; height: number; channels: 1 | 2 | 3 | 4 } {
  return { width: image.width, height: image.height, channels: image.channels };
}
