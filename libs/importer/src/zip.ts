/**
 * Just enough of the zip format to look inside a .docx before handing it to mammoth: list the
 * entries (is this a Word document at all? how big does it claim to unpack to?) and read the
 * small header and footer parts, which mammoth ignores. Corrupt input throws `ZipError`.
 */
import { inflateRawSync } from 'node:zlib';

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export function isZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

function findEndOfDirectory(data: Buffer): number {
  const earliest = Math.max(0, data.length - 22 - 0xffff);
  for (let offset = data.length - 22; offset >= earliest; offset--) {
    if (data.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new ZipError('no end-of-directory record');
}

export function readZipDirectory(data: Buffer): ZipEntry[] {
  if (data.length < 22) throw new ZipError('too short to be a zip');
  const end = findEndOfDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw new ZipError('damaged directory');
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    entries.push({
      name: data.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: data.readUInt16LE(offset + 10),
      compressedSize: data.readUInt32LE(offset + 20),
      size: data.readUInt32LE(offset + 24),
      localOffset: data.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, refusing to unpack more than `maxSize` (a zip bomb stops here). */
export function readZipEntry(data: Buffer, entry: ZipEntry, maxSize: number): Buffer {
  const offset = entry.localOffset;
  if (offset + 30 > data.length || data.readUInt32LE(offset) !== LOCAL_HEADER) throw new ZipError(`damaged entry ${entry.name}`);
  const start = offset + 30 + data.readUInt16LE(offset + 26) + data.readUInt16LE(offset + 28);
  const compressed = data.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return compressed.subarray(0, maxSize);
  if (entry.method !== 8) throw new ZipError(`unsupported compression in ${entry.name}`);
  try {
    return inflateRawSync(compressed, { maxOutputLength: maxSize });
  } catch (error) {
    throw new ZipError(`cannot unpack ${entry.name}: ${(error as Error).message}`);
  }
}
