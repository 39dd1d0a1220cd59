import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Other word-processor formats (.doc, .wps, .odt, .rtf) become .docx through
 * LibreOffice headless. Each run (process) gets its own LibreOffice profile
 * (`-env:UserInstallation`), so parallel runs do not collide on a shared
 * profile lock; within a run, conversions take turns on it (a warm profile
 * saves about two seconds a file). Each conversion has its own temporary
 * directory and a time limit after which the whole process group is killed.
 */

export const CONVERTIBLE = new Set(['doc', 'wps', 'odt', 'rtf']);
export const CONVERT_TIMEOUT_MS = 120_000;

export type Conversion = { ok: true; docx: Buffer } | { ok: false; reason: 'no-office' | 'failed'; detail: string };

/** The LibreOffice program: `REPORTLINT_SOFFICE`, else `soffice` on the PATH. */
export function officeCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.REPORTLINT_SOFFICE || 'soffice';
}

let profile: string | undefined;
let queue: Promise<unknown> = Promise.resolve();
const created = new Set<string>();

/** This run's profile directory; every profile made is removed when the process exits. */
function runProfile(): string {
  if (!profile) {
    profile = mkdtempSync(path.join(tmpdir(), 'reportlint-soffice-'));
    if (!created.size) process.once('exit', () => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    created.add(profile);
  }
  return profile;
}

/** Removes this run's profile now (a long-lived caller's clean-up); the next conversion makes a fresh one. */
export function releaseProfile(): void {
  dropProfile();
}

/** Drops a profile a killed LibreOffice may have left locked; the next conversion makes a fresh one. */
function dropProfile(): void {
  if (!profile) return;
  const dir = profile;
  profile = undefined;
  created.delete(dir);
  rmSync(dir, { recursive: true, force: true });
}

export function convertToDocx(bytes: Buffer, ext: string, timeoutMs = CONVERT_TIMEOUT_MS): Promise<Conversion> {
  // One LibreOffice at a time on this run's profile.
  const next = queue.then(() => convertOnce(bytes, ext, timeoutMs));
  queue = next.catch(() => undefined);
  return next;
}

async function convertOnce(bytes: Buffer, ext: string, timeoutMs: number): Promise<Conversion> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reportlint-convert-'));
  try {
    // A plain ASCII name: file names with spaces or CJK characters trip some LibreOffice builds.
    const input = path.join(dir, `input.${ext.toLowerCase()}`);
    await writeFile(input, bytes);
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(runProfile()).href}`, '--convert-to', 'docx', '--outdir', path.join(dir, 'out'), input];
    const run = await runProcess(officeCommand(), args, timeoutMs);
    if (run.timedOut) dropProfile();
    if (run.missing) return { ok: false, reason: 'no-office', detail: run.detail };
    const output = path.join(dir, 'out', 'input.docx');
    try {
      return { ok: true, docx: await readFile(output) };
    } catch {
      return { ok: false, reason: 'failed', detail: run.detail || 'no output' };
    }
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function runProcess(command: string, args: string[], timeoutMs: number): Promise<{ missing: boolean; detail: string; timedOut?: boolean }> {
  // Imported here: node:child_process costs every run about a millisecond to load, and few convert a file.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    let stderr = '';
    let settled = false;
    const done = (r: { missing: boolean; detail: string; timedOut?: boolean }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    // Own process group: soffice starts soffice.bin, and a timeout must end both.
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, HOME: process.env.HOME ?? tmpdir() } });
    child.stderr?.on('data', (c: Buffer) => {
      if (stderr.length < 2000) stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      done({ missing: false, detail: `timed out after ${Math.round(timeoutMs / 1000)} s`, timedOut: true });
    }, timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) => done({ missing: e.code === 'ENOENT', detail: e.code ?? e.message }));
    child.on('close', (code) => done({ missing: false, detail: code === 0 ? '' : firstLine(stderr) || `exit code ${code}` }));
  });
}

function firstLine(s: string): string {
  return s.split('\n').map((l) => l.trim()).find(Boolean)?.slice(0, 160) ?? '';
}
