/**
 * Where published artefacts and uploaded logos live. Files are immutable and addressed by their
 * SHA-256 under the tenant's prefix ("{organisationId}/publications/{sha256}.pdf"), so writing the
 * same bytes twice is harmless and a file can be checked against its name when it is read.
 * A local folder by default; any S3-compatible store (AWS, MinIO, Ceph, R2 …) when configured.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { FileStoreConfig } from '../config/config';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A key is made of our own ids and hashes only: never a path a caller could steer. */
const KEY = /^[0-9a-f-]{36}\/(publications|assets)\/[0-9a-f]{64}\.(pdf|html|png)$/;

export function fileKey(organisationId: string, folder: 'publications' | 'assets', hash: string, extension: 'pdf' | 'html' | 'png'): string {
  const key = `${organisationId}/${folder}/${hash}.${extension}`;
  if (!KEY.test(key)) throw new Error(`Not a file key: ${key}`);
  return key;
}

export abstract class FileStore {
  /** Stores bytes under a key (kept as they are if the key exists: the key names the content). */
  abstract put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes under a key, or null when there are none. */
  abstract get(key: string): Promise<Buffer | null>;

  /** The bytes under a key, refused if they are not the bytes the SHA-256 promises. */
  async getVerified(key: string, expectedSha256: string): Promise<Buffer | null> {
    const bytes = await this.get(key);
    if (bytes && sha256(bytes) !== expectedSha256) throw new Error(`The file ${key} does not match its SHA-256: it has been changed or damaged.`);
    return bytes;
  }
}

export class LocalFileStore extends FileStore {
  constructor(private readonly root: string) {
    super();
  }

  private path(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not a file key: ${key}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(resolve(this.root) + sep)) throw new Error(`Not a file key: ${key}`);
    return path;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    if (await stat(path).then(() => true, () => false)) return;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    // Written beside and renamed into place, so a reader never sees half a file.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }
}

export class S3FileStore extends FileStore {
  private readonly client: S3Client;

  constructor(private readonly config: Extract<FileStoreConfig, { kind: 's3' }>) {
    super();
    // Checksums only where S3 requires them: other S3-compatible stores do not all accept the
    // SDK's default streamed (aws-chunked) checksums.
    this.client = new S3Client({
      region: config.region,
      endpoint: config.endpoint,
      forcePathStyle: config.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, bytes: Buffer, contentType: string): Promise<void> {
    if (!KEY.test(key)) throw new Error(`Not a file key: ${key}`);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return;
    } catch (error) {
      if (!(error instanceof NotFound) && (error as { name?: string }).name !== 'NotFound') throw error;
    }
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: bytes, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Buffer | null> {
    if (!KEY.test(key)) throw new Error(`Not a file key: ${key}`);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

export function createFileStore(config: FileStoreConfig): FileStore {
  return config.kind === 's3' ? new S3FileStore(config) : new LocalFileStore(config.dir);
}

