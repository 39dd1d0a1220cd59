import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { decode, DecodeError, encode } from '../src/files/decode.js';

vi.mock('node:fs', async (original) => {
  const real = await original<typeof import('node:fs')>();
  const forbidden = (file: unknown) => String(file).endsWith('forbidden.md');
  const mocked = {
    ...real,
    // A file this test pretends it may not read, whoever runs it (root reads everything).
    readFileSync: (file: string, ...rest: unknown[]) => {
      if (forbidden(file)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
    },
    statSync: (file: string, ...rest: unknown[]) =>
      forbidden(file) ? { size: 10, mtimeMs: 0, isFile: () => true } : (real.statSync as (...a: unknown[]) => unknown)(file, ...rest),
  };
  return { ...mocked, default: mocked };
});

describe('decode', () => {
  const text = '关于某项工作的报告\n市委：\n';
  it.each([
    ['utf-8', Buffer.from(text), false],
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), true],
    ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true }), true],
    ['utf-16be', iconv.encode(text, 'utf-16be', { addBOM: true }), true],
    ['gb18030', iconv.encode(text, 'gb18030'), false],
  ] as const)('%s (BOM %s) decodes and encodes back byte for byte', (encoding, bytes, bom) => {
    const decoded = decode(bytes);
    expect(decoded).toEqual({ text, encoding, bom, clean: true });
    expect(encode(decoded.text, decoded)).toEqual(bytes);
  });

  it('refuses binary content and text it cannot decode, with a reason', () => {
    expect(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toThrow(new DecodeError('binary'));
    // Bytes that are neither UTF-8 nor GB18030 (0xFF is not a GB18030 lead byte).
    expect(() => decode(Buffer.from([0x41, 0xff, 0xff, 0x42]))).toThrow(DecodeError);
    expect(() => decode(Buffer.from([0xff, 0xfe, 0x41]))).toThrow(/undecodable/);
  });
});

describe('readReport', () => {
  it('turns a permission error into a one-line reason', async () => {
    const { readReport } = await import('../src/files/read.js');
    expect(await readReport('/x/forbidden.md', { maxFileSize: 1e6 })).toEqual({
      kind: 'skipped',
      fatal: true,
      messageId: 'readFailed',
      data: { path: '/x/forbidden.md', reason: 'EACCES', why: 'reasonPermission' },
    });
  });
});
