// heic-decode ships no types; this declares the part of its CommonJS API that heic.ts uses.
declare module 'heic-decode' {
  export interface DecodedHeic {
    width: number;
    height: number;
    /** RGBA, 8 bits per channel, after the container's rotation and mirroring (irot/imir). */
    data: Uint8ClampedArray;
  }

  export interface HeicTopLevelImage {
    width: number;
    height: number;
    decode(): Promise<DecodedHeic>;
  }

  interface DecodeHeic {
    (input: { buffer: Uint8Array }): Promise<DecodedHeic>;
    /** Parses the container without decoding pixels; call `dispose()` on the result when done. */
    all(input: { buffer: Uint8Array }): Promise<HeicTopLevelImage[] & { dispose(): void }>;
  }

  const decode: DecodeHeic;
  export default decode;
}
