import { open, stat } from "node:fs/promises";

/**
 * The uncompressed size of an input file, for progress and ETA only. A gzip
 * file records its uncompressed size modulo 2^32 in its last four bytes
 * (ISIZE); a value smaller than the compressed size means it wrapped, and a
 * typical 4x ratio is guessed instead. Never fails: a guess is good enough.
 */
export async function estimateUncompressedBytes(file: { path: string; gzip: boolean }): Promise<number> {
  const { size } = await stat(file.path);
  if (!file.gzip) return size;
  const isize = await readGzipTrailerSize(file.path, size).catch(() => undefined);
  return isize !== undefined && isize >= size ? isize : size * 4;
}

async function readGzipTrailerSize(path: string, size: number): Promise<number | undefined> {
  if (size < 18) return undefined; // smaller than an empty gzip member
  const handle = await open(path, "r");
  try {
    const trailer = Buffer.alloc(4);
    await handle.read(trailer, 0, 4, size - 4);
    return trailer.readUInt32LE(0);
  } finally {
    await handle.close();
  }
}
