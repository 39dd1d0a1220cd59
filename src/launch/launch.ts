/**
 * Runs the CLI's bundle (prebuilt/cli.cjs) with a V8 code cache: the bytecode V8 compiled for the
 * bundle on an earlier run is read back instead of compiling the source again (issue 15: about
 * 35 ms of a small report's 245). Node 20 has no `module.enableCompileCache`, and its loaders keep
 * no code cache, so the bundle is CommonJS run through `vm.Script`, which takes `cachedData`.
 *
 * The cache is a file per bundle path, Node version, Node flags and kind of run (RunKind), in a
 * directory of the user's own (cacheDirs). It is used only when all of these hold:
 * - it was made from this very bundle file: its stamp (device, inode, size, mtime, ctime) is the
 *   one in the cache's header. V8 itself checks no more than the source's length;
 * - its bytes are whole: the header's CRC-32 matches. V8 does not check its payload's checksum
 *   (verify_snapshot_checksum is off in release builds), so damaged bytes would be run;
 * - V8 accepts it (its version and flags);
 * - the directory and the file are the user's own and nobody else may write them, as a cache of
 *   code must be.
 * Anything else is a miss: the bundle is compiled from source as without a cache, and the cache is
 * written anew after the run (atomically, never while the bundle is younger than RACY_MS). Files
 * no run has used for UNUSED_MS are deleted then.
 * Built into prebuilt/launch.js by scripts/bundle.mjs; bin/reportlint.js imports it.
 */
import { closeSync, fstatSync, futimesSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';

/** The environment variable that names the cache's directory, or turns the cache off (`0`, `false`, `off`). */
export const CACHE_ENV = 'REPORTLINT_COMPILE_CACHE';
/** A bundle changed less than this long ago may change again within its stamp's clock tick: no cache is made of it. */
export const RACY_MS = 2000;
/** A cache file not used for this long (an old install, an old Node) is deleted when another is written. */
export const UNUSED_MS = 30 * 24 * 3600 * 1000;
/** A used cache file's modification time is moved to now at most this often (what UNUSED_MS is measured from). */
const TOUCH_MS = 24 * 3600 * 1000;
const MAGIC = 'reportlint-code-cache 1\n';
/** The bundle's CommonJS wrapper: what the bundle expects to find (scripts/bundle.mjs). */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname, __reportlintUrl, __reportlintImport) {';
const WRAPPER_TAIL = '\n})';

export interface System {
  platform: NodeJS.Platform;
  homedir: string;
  tmpdir: string;
  /** The user's id (POSIX); undefined on Windows. */
  uid?: number;
}

const thisSystem = (): System => ({ platform: process.platform, homedir: os.homedir(), tmpdir: os.tmpdir(), uid: process.getuid?.() });

/** The directories to keep the cache in, first choice first, or why there is none. */
export function cacheDirs(env: Record<string, string | undefined>, system: System): string[] | { off: string } {
  const setting = env[CACHE_ENV];
  if (setting !== undefined && setting !== '') {
    if (/^(?:0|false|off)$/i.test(setting)) return { off: `${CACHE_ENV}=${setting}` };
    return [path.resolve(setting)];
  }
  // Where each platform keeps a user's caches; then the temporary directory, in a directory of the user's own.
  const home = (...parts: string[]) => (system.homedir ? [path.join(system.homedir, ...parts)] : []);
  if (system.platform === 'win32') {
    const local = env.LOCALAPPDATA ? [env.LOCALAPPDATA] : home('AppData', 'Local');
    return [...local.map((dir) => path.join(dir, 'reportlint', 'Cache', 'code-cache')), path.join(system.tmpdir, 'reportlint', 'code-cache')];
  }
  const temporary = path.join(system.tmpdir, `reportlint-${system.uid ?? 'user'}`, 'code-cache');
  if (system.platform === 'darwin') return [...home('Library', 'Caches', 'reportlint', 'code-cache'), temporary];
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? [env.XDG_CACHE_HOME] : home('.cache');
  return [...xdg.map((dir) => path.join(dir, 'reportlint', 'code-cache')), temporary];
}

/** Why `info` (the cache's directory or file) may not be trusted with code, or undefined. */
export function notOwn(info: Pick<Stats, 'uid' | 'mode'>, uid: number | undefined): string | undefined {
  if (uid === undefined) return undefined;
  if (info.uid !== uid) return `owned by user ${info.uid}, not ${uid}`;
  if (info.mode & 0o022) return `writable by others (mode ${(info.mode & 0o777).toString(8)})`;
  return undefined;
}

/** Makes (or finds) the first usable directory; returns it, or why none is usable. */
function usableDir(dirs: string[], system: System): { dir: string } | { off: string } {
  const why: string[] = [];
  for (const dir of dirs) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const info = lstatSync(dir);
      const problem = info.isDirectory() ? notOwn(info, system.uid) : info.isSymbolicLink() ? 'a symbolic link' : 'not a directory';
      if (!problem) return { dir };
      why.push(`${dir}: ${problem}`);
    } catch (error) {
      why.push(`${dir}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return { off: why.join('; ') };
}

/** 32-bit FNV-1a: a short name for a key (not a check of anything). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The cache file's name: one per bundle path, Node version, platform and Node flags (V8 rejects a cache made under
 * other flags), and per kind of run (`kind`).
 */
export function cacheFileName(bundle: string, env: Record<string, string | undefined>, kind: RunKind = 'lint'): string {
  const key = fnv1a([bundle, process.version, process.platform, process.arch, process.execArgv.join(' '), env.NODE_OPTIONS ?? ''].join('\0'));
  return kind === 'lint' ? `cli-${key}.bin` : `cli-${key}-${kind}.bin`;
}

/**
 * What a run is expected to do, which decides what its cache should hold. V8 reads a whole cache, whatever the run
 * uses: --help would deserialise all the linter's code for commander's few functions, so it has a cache of its own.
 */
export type RunKind = 'lint' | 'help';

/** The bundle file's stamp: changes when the file is replaced or written. */
export const stampOf = (info: Stats) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;

interface Header {
  /** The bundle's stamp. */
  source: string;
  /** Whether the run that made it ran the linter (so that its code is in the cache), not only --version or --help. */
  full: boolean;
  length: number;
  crc: number;
}

const crc32 = (data: Uint8Array): number => (createRequire(import.meta.url)('node:zlib') as { crc32: (data: Uint8Array) => number }).crc32(data);

/** The cache file's bytes: the magic line, the header as JSON on a line, V8's data. */
export function encodeCache(data: Uint8Array, source: string, full: boolean): Buffer {
  const header: Header = { source, full, length: data.length, crc: crc32(data) };
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n'), data]);
}

/** V8's data from the cache file's bytes, if they are whole and were made from the bundle with stamp `source`; else why not. */
export function decodeCache(bytes: Buffer, source: string): { data: Buffer; full: boolean } | { miss: string } {
  if (!bytes.subarray(0, MAGIC.length).equals(Buffer.from(MAGIC))) return { miss: 'not a reportlint code cache' };
  const end = bytes.indexOf(0x0a, MAGIC.length);
  let header: Partial<Header> | null = null;
  try {
    if (end >= 0) header = JSON.parse(bytes.subarray(MAGIC.length, end).toString('utf8')) as Partial<Header> | null;
  } catch {
    // Told below.
  }
  if (typeof header !== 'object' || header === null || typeof header.length !== 'number' || typeof header.crc !== 'number') return { miss: 'damaged (header)' };
  if (header.source !== source) return { miss: 'made from another build of the bundle' };
  const data = bytes.subarray(end + 1);
  if (data.length !== header.length || crc32(data) !== header.crc) return { miss: 'damaged (checksum)' };
  return { data, full: header.full === true };
}

/** Reads the cache file, if it is the user's own and nobody else may write it; marks it used once a day. */
function readOwnFile(file: string, uid: number | undefined): Buffer | { miss: string } {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { miss: code === 'ENOENT' ? 'none yet' : (code ?? String(error)) };
  }
  try {
    const info = fstatSync(fd);
    const problem = info.isFile() ? notOwn(info, uid) : 'not a file';
    if (problem) return { miss: problem };
    if (Date.now() - info.mtimeMs > TOUCH_MS) {
      try {
        futimesSync(fd, info.atime, new Date());
      } catch {
        // Read-only: it is pruned as unused one day, and made again.
      }
    }
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Deletes the cache files of `dir` (and temporary files left by a crash) that no run has used for UNUSED_MS. */
export function pruneUnused(dir: string, now = Date.now()): string[] {
  const pruned: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return pruned;
  }
  for (const name of names) {
    if (!/^cli-[0-9a-f]{8}(?:-[a-z]+)?\.bin(?:\.\d+\.[0-9a-z]+\.tmp)?$/.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const limit = name.endsWith('.tmp') ? TOUCH_MS : UNUSED_MS;
      if (now - lstatSync(file).mtimeMs > limit) {
        rmSync(file, { force: true });
        pruned.push(name);
      }
    } catch {
      // Gone already (another run pruned it).
    }
  }
  return pruned;
}

/** Writes the cache file whole or not at all: a temporary file of its own, renamed over it. */
function writeAtomically(file: string, bytes: Buffer): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    writeFileSync(temporary, bytes, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

export interface Launched<T> {
  /** The bundle's exports. */
  exports: T;
  /** After the run: writes the cache when it was missing, stale or made by a run that did not lint (`full`), and tells what happened (for --debug). */
  finish(full: boolean): string;
}

/** Loads the CommonJS bundle `file` with the code cache for runs of `kind`. `env` is the process's environment. */
export function launch<T>(file: string, kind: RunKind = 'lint', env: Record<string, string | undefined> = process.env, system: System = thisSystem()): Launched<T> {
  // The stamp is taken before the read: a bundle replaced in between is cached under the old stamp, which no later run matches.
  const info = statSync(file);
  const source = stampOf(info);
  const dirs = cacheDirs(env, system);
  const place = Array.isArray(dirs) ? usableDir(dirs, system) : dirs;
  const cacheFile = 'dir' in place ? path.join(place.dir, cacheFileName(file, env, kind)) : undefined;
  let cached: { data: Buffer; full: boolean } | { miss: string } = { miss: 'off' };
  if (cacheFile) {
    const bytes = readOwnFile(cacheFile, system.uid);
    cached = Buffer.isBuffer(bytes) ? decodeCache(bytes, source) : bytes;
  }
  const script = new vm.Script(WRAPPER_HEAD + readFileSync(file, 'utf8') + WRAPPER_TAIL, { filename: file, cachedData: 'data' in cached ? cached.data : undefined });
  const module = { exports: {} as T };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  const importModule = (specifier: string) => import(specifier);
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, path.dirname(file), pathToFileURL(file).href, importModule);

  return {
    exports: module.exports,
    finish(full) {
      if (!cacheFile) return `off (${'off' in place ? place.off : ''})`;
      if ('data' in cached && !script.cachedDataRejected && (cached.full || !full)) return `used ${cacheFile}`;
      const why = !('data' in cached) ? cached.miss : script.cachedDataRejected ? 'rejected by V8' : 'made by a run that did not lint';
      if (Date.now() - Math.max(info.mtimeMs, info.ctimeMs) < RACY_MS) return `${why}; not written: the bundle changed less than ${RACY_MS} ms ago`;
      try {
        writeAtomically(cacheFile, encodeCache(script.createCachedData(), source, full));
        const pruned = pruneUnused(path.dirname(cacheFile));
        return `${why}; wrote ${cacheFile}${pruned.length ? `; deleted ${pruned.length} unused for ${UNUSED_MS / 86_400_000} days` : ''}`;
      } catch (error) {
        return `${why}; not written: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      }
    },
  };
}
