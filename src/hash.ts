import type { BinaryLike } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * node:crypto takes about 3 ms to load, and most runs hash nothing (fingerprints
 * are for SARIF and GitLab reports, SHA-1s for reference corpora): it is
 * required on the first digest rather than imported at start-up.
 */
let nodeCrypto: typeof import('node:crypto') | undefined;

/** The digest of `data` in hex. */
export function hexDigest(algorithm: 'sha1' | 'sha256', data: BinaryLike): string {
  nodeCrypto ??= createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return nodeCrypto.createHash(algorithm).update(data).digest('hex');
}
