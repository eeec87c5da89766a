/** The packed timeline format shared by both stores: big-endian unsigned 64-bit IDs, newest (largest) first. */
const WIDTH = 8;

export function pack(ids: readonly string[]): Buffer {
  const buffer = Buffer.alloc(ids.length * WIDTH);
  ids.forEach((id, i) => {
    buffer.writeBigUInt64BE(BigInt(id), i * WIDTH);
  });
  return buffer;
}

export function unpack(buffer: Buffer): string[] {
  const ids: string[] = [];
  for (let offset = 0; offset + WIDTH <= buffer.length; offset += WIDTH) {
    ids.push(buffer.readBigUInt64BE(offset).toString());
  }
  return ids;
}

/** Inserts one packed ID in order (skipping a duplicate) and trims to `cap` entries. Null when unchanged. */
export function insertPacked(buffer: Buffer, id: Buffer, cap: number): Buffer | null {
  const count = buffer.length / WIDTH;
  let position = count;
  for (let i = 0; i < count; i++) {
    const order = buffer.compare(id, 0, WIDTH, i * WIDTH, i * WIDTH + WIDTH);
    if (order === 0) return null;
    if (order < 0) {
      position = i;
      break;
    }
  }
  if (position >= cap) return null;
  const out = Buffer.concat([buffer.subarray(0, position * WIDTH), id, buffer.subarray(position * WIDTH)]);
  return out.length > cap * WIDTH ? out.subarray(0, cap * WIDTH) : out;
}
