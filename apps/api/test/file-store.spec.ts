/** The file stores: the local folder and an S3-compatible server (s3rver on loopback), one contract. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { fileKey, LocalFileStore, S3FileStore, sha256, type FileStore } from '../src/storage/file-store';

const TENANT = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function contract(name: string, make: () => FileStore) {
  describe(name, () => {
    it('stores bytes under their hash, reads them back, and says null for a missing key', async () => {
      const store = make();
      const bytes = Buffer.from(`%PDF-1.7 ${name} ${Date.now()}`);
      const key = fileKey(TENANT, 'publications', sha256(bytes), 'pdf');
      expect(await store.get(key)).toBeNull();
      await store.put(key, bytes, 'application/pdf');
      await store.put(key, bytes, 'application/pdf');
      expect((await store.get(key))?.equals(bytes)).toBe(true);
      expect((await store.getVerified(key, sha256(bytes)))?.equals(bytes)).toBe(true);
      await expect(store.getVerified(key, sha256('something else'))).rejects.toThrow(/does not match its SHA-256/);
    });

    it('refuses keys that are not its own (no paths, no other folders)', async () => {
      const store = make();
      await expect(store.get('../../etc/passwd')).rejects.toThrow(/Not a file key/);
      await expect(store.put(`${TENANT}/publications/../../x.pdf`, Buffer.from('x'), 'application/pdf')).rejects.toThrow(/Not a file key/);
      expect(() => fileKey('not-a-tenant/..', 'assets', sha256('x'), 'png')).toThrow(/Not a file key/);
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), 'ratify-files-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
contract('LocalFileStore', () => new LocalFileStore(folder));

describe('S3FileStore against an S3-compatible server', () => {
  let server: S3rver;
  let store: S3FileStore;
  const s3Folder = mkdtempSync(join(tmpdir(), 'ratify-s3-'));

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
    process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Folder, configureBuckets: [{ name: 'ratify-test', configs: [] }] });
    const { port } = await server.run();
    store = new S3FileStore({ kind: 's3', bucket: 'ratify-test', endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-2', forcePathStyle: true });
  });

  afterAll(async () => {
    store.destroy();
    await server.close();
    rmSync(s3Folder, { recursive: true, force: true });
  });

  contract('the same contract', () => store);
});
