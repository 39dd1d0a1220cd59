import iconv from 'iconv-lite';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLEAN_REPORT, ROOT, cli } from './cli-helper.js';

/**
 * Issue 17, “Never lose a byte, never hang”: each case of the hostile probe, reproduced
 * through the built CLI. The README's “What is guaranteed” list points here.
 */
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reportlint-safety-'));
chmodSync(tmp, 0o755);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
function dir(files: Record<string, string | Buffer> = {}): string {
  const d = path.join(tmp, `d${n++}`);
  mkdirSync(d, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(d, rel)), { recursive: true });
    writeFileSync(path.join(d, rel), content);
  }
  return d;
}
/** The CLI with a time limit: a hang fails the test instead of the suite. */
function run(args: string[], cwd: string, input?: string | Buffer) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/reportlint.js'), ...args], { cwd, input, timeout: 30_000, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}
const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

// Half-width comma between Chinese words: one fixable finding.
const BAD = CLEAN_REPORT.replace('2024年以来，', '2024年以来,');
const FIXED = CLEAN_REPORT;
const OUTSIDE_GBK = '王䶮、李𠀀、😀';

describe('(1) writing back never loses a character', () => {
  for (const encoding of ['gbk', 'gb2312', 'cp936']) {
    it(`--encoding ${encoding} --fix on a GB18030 file with ${OUTSIDE_GBK} refuses and leaves the file untouched`, () => {
      const bytes = iconv.encode(BAD.replace('市委：', `市委：${OUTSIDE_GBK}`), 'gb18030');
      const d = dir({ 'a.txt': bytes });
      const r = run(['a.txt', '--encoding', encoding, '--fix', '-f', 'json'], d);
      expect(readFileSync(path.join(d, 'a.txt'))).toEqual(bytes);
      const messages = (JSON.parse(r.stdout) as { messages: { messageId: string; message: string }[] }[])[0].messages;
      expect(messages[0].messageId).toBe('fix-refused');
    });
  }
});

describe('(2) a file whose decoding is not clean is never written', () => {
  const mixed = Buffer.concat([Buffer.from(BAD.split('\n').slice(0, 3).join('\n') + '\n'), iconv.encode('一、工作开展情况,全年督查。\n', 'gbk'), Buffer.from(BAD.split('\n').slice(4).join('\n'))]);

  it('names the first line that is not UTF-8 and no longer suggests --encoding gb18030', () => {
    const d = dir({ 'a.txt': mixed });
    const r = run(['a.txt', '-f', 'json'], d);
    expect(r.code).toBe(2);
    const message = (JSON.parse(r.stdout) as { messages: { message: string }[] }[])[0].messages[0].message;
    expect(message).toContain('第 4 行起既不是 UTF-8 也不是 GB18030');
    expect(message).not.toContain('--encoding');
  });

  it.each(['gb18030', 'utf-8'])('following --encoding %s with --fix leaves the file byte for byte', (encoding) => {
    const d = dir({ 'a.txt': mixed });
    run(['a.txt', '--encoding', encoding, '--fix'], d);
    expect(readFileSync(path.join(d, 'a.txt'))).toEqual(mixed);
  });
});

describe('(3) output paths', () => {
  it('-o to a device (a copy of /dev/null made here) leaves the device a device', (context) => {
    const d = dir({ 'a.txt': BAD });
    const device = path.join(d, 'null');
    if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) return context.skip();
    expect(run(['a.txt', '-o', device], d).code).toBe(1);
    expect(run(['a.txt', '-f', `json:${device}`, '--baseline-write', device], d).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('-o to a FIFO writes into the pipe', async () => {
    const d = dir({ 'a.txt': BAD });
    const fifo = path.join(d, 'out.fifo');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return console.log('skipped: mkfifo not available');
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (chunk: Buffer) => (got += chunk.toString()));
    const done = new Promise((resolve) => reader.on('close', resolve));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/reportlint.js'), 'a.txt', '-f', 'json', '-o', fifo], { cwd: d, timeout: 30_000 });
    await done;
    expect(r.status).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect((JSON.parse(got) as unknown[]).length).toBe(1);
  });

  it('-o /dev/stdout writes into the pipe', () => {
    const d = dir({ 'a.txt': BAD });
    const r = run(['a.txt', '-f', 'json', '-o', '/dev/stdout'], d);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(1);
  });

  it('-o, -f fmt:FILE, --baseline-write and index --output follow a symbolic link and keep it', () => {
    const d = dir({ 'a.txt': BAD, 'ref.txt': CLEAN_REPORT });
    mkdirSync(path.join(d, 'real'));
    for (const name of ['o.txt', 'f.json', 'base.json', 'refs.rlidx']) symlinkSync(`real/${name}`, path.join(d, name));
    run(['a.txt', '-o', 'o.txt', '-f', 'stylish', '-f', 'json:f.json'], d);
    run(['a.txt', '--baseline-write', 'base.json'], d);
    expect(run(['index', 'ref.txt', '--output', 'refs.rlidx'], d).code).toBe(0);
    for (const name of ['o.txt', 'f.json', 'base.json', 'refs.rlidx']) {
      expect(lstatSync(path.join(d, name)).isSymbolicLink()).toBe(true);
      expect(statSync(path.join(d, 'real', name)).size).toBeGreaterThan(0);
    }
    expect(readFileSync(path.join(d, 'real/o.txt'), 'utf8')).toContain('punctuation-width');
  });
});

describe('(4) --fix on links, read-only files, and owners', () => {
  it('fixes the target of a symbolic link and keeps the link', () => {
    const d = dir({ 'real.txt': BAD });
    symlinkSync('real.txt', path.join(d, 'a.txt'));
    run(['a.txt', '--fix'], d);
    expect(lstatSync(path.join(d, 'a.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(d, 'real.txt'), 'utf8')).toBe(FIXED);
  });

  it('refuses a read-only (0444) file in one line, exit 2, and still fixes the others and prints the findings', () => {
    const d = dir({ 'a.txt': BAD, 'b.txt': BAD });
    chmodSync(path.join(d, 'a.txt'), 0o444);
    const r = run(['a.txt', 'b.txt', '--fix', '--no-color'], d);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reportlint: 文件只读，未写入修复（如需修复，请先 chmod u+w）：${path.join(d, 'a.txt')}\n`);
    expect(readFileSync(path.join(d, 'a.txt'), 'utf8')).toBe(BAD);
    expect(readFileSync(path.join(d, 'b.txt'), 'utf8')).toBe(FIXED);
    expect(r.stdout).toContain('b.txt');
  });

  it('keeps owner and group (as root)', (context) => {
    if (process.getuid?.() !== 0) return context.skip();
    const d = dir({ 'a.txt': BAD });
    chownSync(path.join(d, 'a.txt'), 65534, 65534);
    run(['a.txt', '--fix'], d);
    const info = statSync(path.join(d, 'a.txt'));
    expect([info.uid, info.gid, readFileSync(path.join(d, 'a.txt'), 'utf8')]).toEqual([65534, 65534, FIXED]);
  });
});

describe('(5) a second U+FEFF after the BOM', () => {
  it('survives --fix', () => {
    const d = dir({ 'a.txt': '\uFEFF\uFEFF' + BAD });
    run(['a.txt', '--fix'], d);
    expect(readFileSync(path.join(d, 'a.txt'), 'utf8')).toBe('\uFEFF\uFEFF' + FIXED);
  });
});

describe('(7) temporary files of a killed run', () => {
  it('are removed on the next write into their directory; a live process keeps its own', () => {
    const d = dir({ 'a.txt': BAD, '.a.txt.reportlint-4194000.tmp': 'half', [`.b.txt.reportlint-${process.pid}.tmp`]: 'live' });
    run(['a.txt', '--fix'], d);
    expect(readdirSync(d).sort()).toEqual([`.b.txt.reportlint-${process.pid}.tmp`, 'a.txt']);
  });
});

describe('(9) crafted .rlidx files', () => {
  function crafted(change: (header: Record<string, unknown>) => void): { d: string } {
    const d = dir({ 'ref.txt': CLEAN_REPORT, 'a.txt': BAD });
    expect(run(['index', 'ref.txt', '--output', 'good.rlidx'], d).code).toBe(0);
    const bytes = readFileSync(path.join(d, 'good.rlidx'));
    const length = bytes.readUInt32LE(12);
    const header = JSON.parse(bytes.toString('utf8', 16, 16 + length)) as Record<string, unknown>;
    change(header);
    // The data starts at the next multiple of 4 after the header.
    const json = Buffer.from(JSON.stringify(header));
    const prefix = Buffer.from(bytes.subarray(0, 16));
    prefix.writeUInt32LE(json.length, 12);
    const pad = Buffer.alloc(((16 + json.length + 3) & ~3) - 16 - json.length);
    writeFileSync(path.join(d, 'bad.rlidx'), Buffer.concat([prefix, json, pad, bytes.subarray((16 + length + 3) & ~3)]));
    return { d };
  }
  const cases: [string, (h: Record<string, unknown>) => void][] = [
    ['a document map that starts at the end of the maps', (h) => {
      const maps = (h.sections as { maps: [number, number] }).maps;
      for (const row of h.sources as number[][]) [row[6], row[7]] = [maps[1], maps[1] + 5];
    }],
    ['a map whose varint never ends inside its range', (h) => {
      for (const row of h.sources as number[][]) row[7] = row[6];
    }],
    ['a negative section count', (h) => ((h.sections as { text: number[] }).text[1] = -1)],
    ['a header without sections', (h) => delete h.sections],
    ['sources that are not rows', (h) => (h.sources = [1])],
  ];
  it.each(cases)('%s: one line, exit 2, never a hang or an internal error', (_, change) => {
    const { d } = crafted(change);
    const r = run(['a.txt', '--reference', 'bad.rlidx'], d);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('bad.rlidx');
    expect(r.stderr).not.toContain('内部错误');
  });
});

describe('(11) sizes and kinds of what is read', () => {
  it('--baseline /dev/zero is refused at once', () => {
    const d = dir({ 'a.txt': BAD });
    const r = run(['a.txt', '--baseline', '/dev/zero'], d);
    expect([r.code, r.stderr]).toEqual([2, 'reportlint: 无法读取文件 /dev/zero：不是普通文件\n']);
  });

  it('--config /dev/zero and an index that is a device are refused at once', () => {
    const d = dir({ 'a.txt': BAD });
    expect(run(['a.txt', '--config', '/dev/zero'], d).code).toBe(2);
    symlinkSync('/dev/zero', path.join(d, 'zero.rlidx'));
    const r = run(['a.txt', '--reference', 'zero.rlidx'], d);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
  });

  it('--stdin honours --max-file-size', () => {
    const d = dir();
    const r = run(['--stdin', '--max-file-size', '1', '-f', 'json'], d, BAD.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(BAD))));
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as { messages: { message: string }[] }[])[0].messages[0].message).toBe('标准输入超过上限 1.0 MB（--max-file-size），未检查');
  });
});

describe('(13, 14) faults of the file system, as an unprivileged user', () => {
  // Root reads and writes everything: these run the CLI as `nobody` when the system allows it.
  const asNobody = (args: string[], cwd: string) =>
    spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, path.join(ROOT, 'bin/reportlint.js'), ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  const canDrop = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', '0']).status === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'test', '-r', path.join(ROOT, 'bin/reportlint.js')]).status === 0;

  it('a file in a read-only directory is one line; the batch and its findings go on; exit 2', (context) => {
    if (!canDrop) return context.skip();
    const d = dir({ 'ro/a.txt': BAD, 'rw/b.txt': BAD });
    for (const f of ['ro/a.txt', 'rw/b.txt']) chmodSync(path.join(d, f), 0o666);
    chmodSync(path.join(d, 'ro'), 0o555);
    chmodSync(path.join(d, 'rw'), 0o777);
    const r = asNobody(['ro/a.txt', 'rw/b.txt', '--fix', '--no-color'], d);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('ro/a.txt');
    expect(r.stdout).toContain('a.txt');
    expect(readFileSync(path.join(d, 'rw/b.txt'), 'utf8')).toBe(FIXED);
  });

  it('an unreadable directory is one line during a walk and under a references glob; exit 2', (context) => {
    if (!canDrop) return context.skip();
    const d = dir({ 'reports/a.txt': BAD, 'reports/secret/b.txt': BAD, 'refs/secret/c.txt': CLEAN_REPORT });
    chmodSync(path.join(d, 'reports/secret'), 0o000);
    chmodSync(path.join(d, 'refs/secret'), 0o000);
    const walk = asNobody(['reports', '-f', 'json'], d);
    expect(walk.status).toBe(2);
    const messages = (JSON.parse(walk.stdout) as { filePath: string; messages: { message: string }[] }[]).flatMap((x) => x.messages.map((m) => m.message));
    expect(messages).toContain(`无法读取目录 ${path.join(d, 'reports/secret')}：权限不足（EACCES）`);
    const refs = asNobody(['reports/a.txt', '--reference', 'refs/**/*.txt'], d);
    expect(refs.status).toBe(2);
    expect(refs.stderr).toBe(`reportlint: 无法读取目录 ${path.join(d, 'refs/secret')}：权限不足（EACCES）\n`);
  });
});

describe('(15) index --output', () => {
  it('an existing directory, or a missing one, is one line and leaves no temporary file', () => {
    const d = dir({ 'ref.txt': CLEAN_REPORT, 'out/keep': '' });
    const isDir = run(['index', 'ref.txt', '--output', 'out'], d);
    expect([isDir.code, isDir.stderr]).toEqual([2, 'reportlint: 无法写入文件 out：这是一个目录（EISDIR）\n']);
    const missing = run(['index', 'ref.txt', '--output', 'nowhere/refs.rlidx'], d);
    expect([missing.code, missing.stderr]).toEqual([2, 'reportlint: 无法写入文件 nowhere/refs.rlidx：所在目录不存在（ENOENT）\n']);
    expect(readdirSync(d).sort()).toEqual(['out', 'ref.txt']);
    expect(readdirSync(path.join(d, 'out'))).toEqual(['keep']);
  });
});

describe('(16) --fix-dry-run with -f json', () => {
  it('keeps standard output JSON; the diff goes to stderr', () => {
    const d = dir({ 'a.txt': BAD });
    const r = run(['a.txt', '--fix-dry-run', '-f', 'json'], d);
    expect((JSON.parse(r.stdout) as { output: string }[])[0].output).toBe(FIXED);
    expect(r.stderr).toContain('+++ b/a.txt');
  });
});

describe('(17) --stdin decodes as files are decoded', () => {
  it('a GBK upload gives the same findings as the file on disk', () => {
    const gbk = iconv.encode(BAD, 'gbk');
    const d = dir({ 'a.txt': gbk });
    const view = (out: string) => (JSON.parse(out) as { messages: { ruleId: string; line: number; column: number }[] }[])[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    const fromFile = view(run(['a.txt', '-f', 'json'], d).stdout);
    expect(fromFile).toEqual(['3:8 punctuation-width']);
    expect(view(run(['--stdin', '--stdin-filename', 'a.txt', '-f', 'json'], d, gbk).stdout)).toEqual(fromFile);
    const utf16 = iconv.encode(BAD, 'utf-16le', { addBOM: true });
    expect(view(run(['--stdin', '--stdin-filename', 'a.txt', '-f', 'json'], d, utf16).stdout)).toEqual(fromFile);
    expect(view(run(['--stdin', '--stdin-filename', 'a.txt', '--encoding', 'gbk', '-f', 'json'], d, gbk).stdout)).toEqual(fromFile);
  });
});

describe('(18) extends: a file that is not a config', () => {
  it('is named with its position, without quoting its text', () => {
    const d = dir({ 'a.txt': BAD, 'secret.yaml': 'password: hunter2\ntoken: abc\n', 'broken.txt': 'root:x:0:0\n  hunter2: [\n' });
    for (const target of ['secret.yaml', 'broken.txt']) {
      writeFileSync(path.join(d, '.reportlintrc.yaml'), `root: true\nextends: ./${target}\n`);
      const r = run(['a.txt'], d);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^reportlint: 配置错误 ${path.join(d, target).replace(/[.]/g, '\\.')}:\\d+：不是 reportlint 配置文件`));
      expect(r.stderr).not.toMatch(/password|hunter2|token|root:x/);
    }
  });
});

describe('(19) smaller faults', () => {
  it('a UTF-32LE file with a BOM is read as UTF-32', () => {
    const d = dir({ 'a.txt': iconv.encode(BAD, 'utf-32le', { addBOM: true }), 'b.txt': BAD });
    const view = (file: string) => (JSON.parse(run([file, '-f', 'json'], d).stdout) as { messages: { line: number; column: number; ruleId: string }[] }[])[0].messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(view('a.txt')).toEqual(['3:8 punctuation-width']);
    expect(view('b.txt')).toEqual(view('a.txt'));
  });

  it('a baseline saved with a UTF-8 BOM or as UTF-16 is read', () => {
    const d = dir({ 'a.txt': BAD });
    run(['a.txt', '--baseline-write', 'base.json'], d);
    const text = readFileSync(path.join(d, 'base.json'), 'utf8');
    writeFileSync(path.join(d, 'bom.json'), '\uFEFF' + text);
    writeFileSync(path.join(d, 'utf16.json'), iconv.encode(text, 'utf-16le', { addBOM: true }));
    for (const name of ['bom.json', 'utf16.json']) expect(run(['a.txt', '--baseline', name], d).code).toBe(0);
  });

  it('a FIFO, /dev/zero and a broken link are each named for what they are', () => {
    const d = dir({ 'a.txt': BAD });
    spawnSync('mkfifo', [path.join(d, 'p.md')]);
    symlinkSync('gone.md', path.join(d, 'broken.md'));
    const r = run(['a.txt', 'p.md', '/dev/zero', 'broken.md', '-f', 'json'], d);
    expect(r.code).toBe(2);
    const messages = (JSON.parse(r.stdout) as { messages: { message: string }[] }[]).flatMap((x) => x.messages.map((m) => m.message));
    expect(messages).toContain(`不是普通文件（设备、管道或套接字），未检查：${path.join(d, 'p.md')}`);
    expect(messages).toContain('不是普通文件（设备、管道或套接字），未检查：/dev/zero');
    expect(messages).toContain(`符号链接指向的文件不存在：${path.join(d, 'broken.md')}`);
  });

  it('rejected inputs are not labelled internal errors: a YAML alias bomb, a deeply nested baseline', () => {
    const d = dir({ 'a.txt': BAD, 'deep.json': '['.repeat(100_000) + ']'.repeat(100_000) });
    writeFileSync(path.join(d, '.reportlintrc.yaml'), 'root: true\na: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n');
    const bomb = run(['a.txt'], d);
    expect(bomb.code).toBe(2);
    expect(bomb.stderr).toMatch(/^reportlint: 配置错误 .*YAML 语法错误：Excessive alias count/);
    rmSync(path.join(d, '.reportlintrc.yaml'));
    const deep = run(['a.txt', '--no-config', '--baseline', 'deep.json'], d);
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/^reportlint: 基线文件 .*deep\.json 格式不对/);
    for (const r of [bomb, deep]) expect(r.stderr).not.toContain('内部错误');
  });

  it('reportlint index names a binary input file', () => {
    const d = dir({ 'ref.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]) });
    const r = run(['index', 'ref.txt', '--output', 'refs.rlidx'], d);
    expect([r.code, r.stderr]).toEqual([2, `reportlint: 无法使用参考文件 ${path.join(d, 'ref.txt')}：不是文本文件（含二进制内容），未检查\n`]);
    expect(existsSync(path.join(d, 'refs.rlidx'))).toBe(false);
  });
});
