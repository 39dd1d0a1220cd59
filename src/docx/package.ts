import { DOMParser } from '@xmldom/xmldom';
import yauzl from 'yauzl';

/**
 * An OOXML package (.docx) opened with bounds. The zip directory is read
 * first and every declared size is checked before anything is inflated;
 * yauzl then refuses an entry whose data inflates past what it declared, so
 * a zip bomb costs a refusal, not the machine's memory.
 */

export interface PackageLimits {
  /** Entries in the zip directory. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 5000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** A package that is not a readable zip, or one past the limits: one line for the user. */
export class PackageError extends Error {
  constructor(
    message: string,
    readonly reason: 'not-zip' | 'too-many-entries' | 'too-large' | 'missing-part' | 'bad-xml',
  ) {
    super(message);
    this.name = 'PackageError';
  }
}

export interface DocxPackage {
  /** Entry names in directory order. */
  readonly names: readonly string[];
  /** The raw bytes of an entry, or null when there is none. */
  bytes(name: string): Buffer | null;
  /** An entry as UTF-8 text (BOM dropped), or null. */
  text(name: string): string | null;
  /** An XML entry parsed to a DOM, or null when absent. Throws PackageError on malformed XML. */
  xml(name: string): Document | null;
}

export async function openPackage(buffer: Buffer, limits: PackageLimits = DEFAULT_LIMITS): Promise<DocxPackage> {
  const entries = await readEntries(buffer, limits);
  const names = [...entries.keys()];
  const cache = new Map<string, Document>();
  const bytes = (name: string): Buffer | null => entries.get(normalizeName(name)) ?? null;
  const text = (name: string): string | null => {
    const b = bytes(name);
    if (!b) return null;
    const s = b.toString('utf8');
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  };
  return {
    names,
    bytes,
    text,
    xml(name) {
      const key = normalizeName(name);
      const hit = cache.get(key);
      if (hit) return hit;
      const s = text(key);
      if (s === null) return null;
      const doc = parseXml(s, key);
      cache.set(key, doc);
      return doc;
    },
  };
}

/** Parses XML, turning the parser's complaints into a PackageError naming the part. */
export function parseXml(source: string, partName = 'XML'): Document {
  let fatal: string | null = null;
  const parser = new DOMParser({
    errorHandler: {
      warning: () => undefined,
      error: (msg: string) => {
        fatal ??= msg;
      },
      fatalError: (msg: string) => {
        fatal ??= msg;
      },
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(source, 'application/xml') as unknown as Document;
  } catch (e) {
    throw new PackageError(`${partName}: ${(e as Error).message}`, 'bad-xml');
  }
  if (fatal || !doc || !doc.documentElement) throw new PackageError(`${partName}: ${fatal ?? 'no root element'}`, 'bad-xml');
  return doc;
}

/** Zip names use `/`; OOXML relationship targets may start with one. */
function normalizeName(name: string): string {
  return name.replace(/^\/+/, '');
}

function readEntries(buffer: Buffer, limits: PackageLimits): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new PackageError(`not a zip package (${err?.message ?? 'unreadable'})`, 'not-zip'));
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        return reject(new PackageError(`${zip.entryCount} entries, more than ${limits.maxEntries}`, 'too-many-entries'));
      }
      const out = new Map<string, Buffer>();
      let total = 0;
      const fail = (e: PackageError): void => {
        zip.close();
        reject(e);
      };
      zip.on('error', (e: Error) => fail(new PackageError(`damaged zip (${e.message})`, 'not-zip')));
      zip.on('end', () => resolve(out));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        // Declared sizes first: yauzl holds the entry to them while inflating.
        if (entry.uncompressedSize > limits.maxEntryBytes) {
          return fail(new PackageError(`${entry.fileName} inflates to ${mb(entry.uncompressedSize)}, more than ${mb(limits.maxEntryBytes)}`, 'too-large'));
        }
        total += entry.uncompressedSize;
        if (total > limits.maxTotalBytes) {
          return fail(new PackageError(`the package inflates to more than ${mb(limits.maxTotalBytes)}`, 'too-large'));
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(new PackageError(`damaged entry ${entry.fileName} (${e?.message ?? 'unreadable'})`, 'not-zip'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', (se: Error) => fail(new PackageError(`damaged entry ${entry.fileName} (${se.message})`, 'not-zip')));
          stream.on('end', () => {
            out.set(normalizeName(entry.fileName), Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function mb(n: number): string {
  return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
}
