import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openPackage, PackageError } from '../src/docx/package.js';

function zipOf(entries: Record<string, Buffer | string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of Object.entries(entries)) zip.addBuffer(Buffer.from(data), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const LIMITS = { maxEntries: 10, maxEntryBytes: 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 };

/** Rewrites the uncompressed size that the central directory declares for every entry. */
function lieAboutSizes(zip: Buffer, declared: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 46 <= out.length; i++) {
    if (out.readUInt32LE(i) === 0x02014b50) out.writeUInt32LE(declared, i + 24);
    if (out.readUInt32LE(i) === 0x04034b50) out.writeUInt32LE(declared, i + 22);
  }
  return out;
}

describe('openPackage', () => {
  it('reads parts as text and XML', async () => {
    const pkg = await openPackage(await zipOf({ 'word/document.xml': '\ufeff<w:document xmlns:w="urn:w"><w:body/></w:document>' }), LIMITS);
    expect(pkg.names).toContain('word/document.xml');
    expect(pkg.xml('/word/document.xml')!.documentElement.localName).toBe('document');
    expect(pkg.text('missing.xml')).toBeNull();
  });

  it('refuses an entry that declares more than the limit, before inflating it', async () => {
    const bomb = await zipOf({ 'word/document.xml': Buffer.alloc(3 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(20_000);
    await expect(openPackage(bomb, LIMITS)).rejects.toMatchObject({ reason: 'too-large' });
  });

  it('refuses an entry that inflates past the size it declares (a lying directory)', async () => {
    const bomb = lieAboutSizes(await zipOf({ 'word/document.xml': Buffer.alloc(3 * 1024 * 1024) }), 1000);
    await expect(openPackage(bomb, LIMITS)).rejects.toBeInstanceOf(PackageError);
  });

  it('refuses too many entries and a total past the limit', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 11; i++) many[`p${i}.xml`] = '<a/>';
    await expect(openPackage(await zipOf(many), LIMITS)).rejects.toMatchObject({ reason: 'too-many-entries' });
    const big = { a: Buffer.alloc(900 * 1024), b: Buffer.alloc(900 * 1024), c: Buffer.alloc(900 * 1024) };
    await expect(openPackage(await zipOf(big), LIMITS)).rejects.toMatchObject({ reason: 'too-large' });
  });

  // xmldom 0.8 reads unclosed tags leniently, as Word's own readers do; two roots are an error.
  it('says a non-zip is not a zip, and malformed XML names its part', async () => {
    await expect(openPackage(Buffer.from('not a zip at all'), LIMITS)).rejects.toMatchObject({ reason: 'not-zip' });
    const pkg = await openPackage(await zipOf({ 'word/document.xml': '<a/><b/>' }), LIMITS);
    expect(() => pkg.xml('word/document.xml')).toThrow(/word\/document\.xml/);
  });
});
