/**
 * Word versions of the issue-11 shape fixtures, built with the `docx` package
 * (no opaque binaries in the repo). Each Word document is laid out from the
 * text of a fixture in `fixtures/shapes/` and its faulty twin from the file of
 * the same name in `fixtures/bad/shapes/`, so both carry the same text and
 * the same planted faults (see `fixtures/bad/shapes/EXPECTED.md`).
 *
 * CLI: `node dist/scripts/shapes-docx.js <outdir>` writes `<outdir>/<name>.docx`
 * and `<outdir>/faulty/<name>.docx`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';

/** One block of a Word document: a plain paragraph, an auto-numbered paragraph, or a table. */
export type Block =
  | { kind: 'p'; text: string; title?: boolean; center?: boolean; rightTab?: boolean }
  | { kind: 'numbered'; list: 'report' | 'dunhao'; level: number; text: string }
  | { kind: 'table'; rows: string[][] };

export interface ShapeDocument {
  /** File name without extension, e.g. `two-phrase-headings`. */
  name: string;
  /** The shape(s) of issue 11 this document exercises. */
  covers: string;
  /** True for the twin with planted faults. */
  faulty: boolean;
  /** The fixture the text comes from, relative to `fixtures/shapes/` (or `fixtures/bad/shapes/`). */
  source: string;
  /** The visible text of every `w:p` of `word/document.xml`, in document order (table cells included). */
  paragraphs: string[];
  buffer: Buffer;
}

interface ShapeSpec {
  name: string;
  source: string;
  covers: string;
  layout(lines: string[]): Block[];
}

const CN_DIGITS = '一二三四五六七八九十';
const LEVEL1 = new RegExp(`^[${CN_DIGITS}]+、`);
const LEVEL2 = new RegExp(`^（[${CN_DIGITS}]+）`);
const LEVEL3 = /^\d+([.、])/;

/** The fixture's non-empty lines, Markdown heading marks dropped (Word has no `#`). */
function sourceLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^#{1,6} /, ''))
    .filter((l) => l.trim() !== '');
}

/** Title first (centred, bold, large), everything else as plain paragraphs with no heading style. */
function plain(lines: string[], titleLines = 1): Block[] {
  return lines.map((text, i) => (i < titleLines ? { kind: 'p', text, title: true } : { kind: 'p', text }));
}

const SHAPES: ShapeSpec[] = [
  {
    name: 'two-phrase-headings',
    source: 'two-phrase-headings.md',
    covers: 'two-phrase headings (（一）强化政治引领，筑牢思想根基) as plain paragraphs without heading styles',
    layout: (lines) => plain(lines),
  },
  {
    name: 'sentence-items',
    source: 'sentence-items.txt',
    covers: 'numbered whole-sentence items (（一）区委常委会全年专题研究……12次，……。) as plain paragraphs',
    layout: (lines) => plain(lines),
  },
  {
    name: 'table-caption',
    source: 'markdown-table.md',
    covers: 'a Word table of 4 rows × 3 columns with the caption paragraph 表1　2024年度审计项目统计表 above it',
    layout(lines) {
      const blocks: Block[] = [];
      let rows: string[][] | null = null;
      lines.forEach((line, i) => {
        if (line.startsWith('|')) {
          if (/^\|[\s|:-]+\|$/.test(line)) return; // the Markdown delimiter row is not a table row
          const cells = line.slice(1, -1).split('|').map((c) => c.trim());
          if (!rows) blocks.push({ kind: 'table', rows: (rows = []) });
          rows.push(cells);
          return;
        }
        rows = null;
        if (i === 0) blocks.push({ kind: 'p', text: line, title: true });
        else blocks.push({ kind: 'p', text: line, center: /^表\d/.test(line) });
      });
      return blocks;
    },
  },
  {
    name: 'banji-attachments',
    source: 'banji-distribution.txt',
    covers: '附件说明 (附件：1.…… and 2.……), signature and date, then the 版记 (抄送, and the 印发 line with a right tab)',
    layout: (lines) =>
      plain(lines).map((b) => {
        // Word sets the 印发 line with a right-aligned tab stop, not a run of spaces.
        if (b.kind === 'p' && /印发$/.test(b.text)) return { kind: 'p', text: b.text.replace(/[\s　]{2,}/, '\t'), rightTab: true };
        return b;
      }),
  },
  {
    name: 'word-numbering',
    source: 'numbered-items.txt',
    covers: 'Word automatic numbering (levels %1、 and （%2） in chineseCounting, %3. decimal) on headings and whole-sentence items',
    layout: (lines) =>
      lines.map((text, i): Block => {
        if (i === 0) return { kind: 'p', text, title: true };
        const l1 = LEVEL1.exec(text);
        if (l1) return { kind: 'numbered', list: 'report', level: 0, text: text.slice(l1[0].length) };
        const l2 = LEVEL2.exec(text);
        if (l2) return { kind: 'numbered', list: 'report', level: 1, text: text.slice(l2[0].length) };
        const l3 = LEVEL3.exec(text);
        // A `1、` item in the source becomes an item of a list whose third level reads `%3、`: the same fault, as Word shows it.
        if (l3) return { kind: 'numbered', list: l3[1] === '、' ? 'dunhao' : 'report', level: 2, text: text.slice(l3[0].length) };
        return { kind: 'p', text };
      }),
  },
  {
    name: 'title-two-paragraphs',
    source: 'title-two-lines.md',
    covers: 'a title over two paragraphs (issuing body, then 关于……的报告), direct formatting only',
    layout(lines) {
      const [a, b, c, ...rest] = lines;
      return [{ kind: 'p', text: a, title: true }, { kind: 'p', text: b + c, title: true }, ...plain(rest, 0)];
    },
  },
];

function toParagraph(block: Exclude<Block, { kind: 'table' }>): Paragraph {
  if (block.kind === 'numbered') {
    return new Paragraph({ numbering: { reference: block.list, level: block.level }, children: [new TextRun(block.text)] });
  }
  if (block.title) {
    return new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: block.text, bold: true, size: 44, font: '方正小标宋简体' })],
    });
  }
  const runs = block.text.split('\t').map((t, i) => (i === 0 ? new TextRun(t) : new TextRun({ children: [new Tab(), t] })));
  return new Paragraph({
    alignment: block.center ? AlignmentType.CENTER : undefined,
    tabStops: block.rightTab ? [{ type: TabStopType.RIGHT, position: 8844 }] : undefined,
    indent: block.center || block.rightTab ? undefined : { firstLine: 640 },
    children: runs,
  });
}

function toTable(rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((cells) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(c)] })] })) })),
  });
}

/** The visible texts of the document's paragraphs, in order; each table cell holds one paragraph. */
export function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [b.text]));
}

/** The report's list levels in Word numbering: 一、 （一） then decimal 1. and （1）. */
function reportLevels(third: string) {
  return [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
    { level: 2, format: LevelFormat.DECIMAL, text: third },
    { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
  ];
}

export async function buildDocx(blocks: Block[]): Promise<Buffer> {
  const doc = new Document({
    styles: { default: { document: { run: { font: '仿宋_GB2312', size: 32 } } } },
    numbering: {
      config: [
        { reference: 'report', levels: reportLevels('%3.') },
        // A list pasted from another document: the same levels, but its third level reads `1、`.
        ...(blocks.some((b) => b.kind === 'numbered' && b.list === 'dunhao') ? [{ reference: 'dunhao', levels: reportLevels('%3、') }] : []),
      ],
    },
    sections: [{ children: blocks.map((b) => (b.kind === 'table' ? toTable(b.rows) : toParagraph(b))) }],
  });
  return Packer.toBuffer(doc);
}

/** `fixtures/shapes` of the repository this module sits in (from `scripts/` or `dist/scripts/`). */
export function defaultFixturesDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = path.join(dir, 'fixtures', 'shapes');
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('fixtures/shapes not found above ' + path.dirname(fileURLToPath(import.meta.url)));
}

/** Every shape as a correct Word document and as its faulty twin. */
export async function buildShapeDocuments(fixturesDir = defaultFixturesDir()): Promise<ShapeDocument[]> {
  const out: ShapeDocument[] = [];
  for (const spec of SHAPES) {
    for (const faulty of [false, true]) {
      // The faulty twins live with the bad fixtures, so that fixtures/shapes holds correct reports only.
      const file = faulty ? path.join(fixturesDir, '..', 'bad', 'shapes', spec.source) : path.join(fixturesDir, spec.source);
      const blocks = spec.layout(sourceLines(readFileSync(file, 'utf8')));
      out.push({ name: spec.name, covers: spec.covers, faulty, source: spec.source, paragraphs: blockTexts(blocks), buffer: await buildDocx(blocks) });
    }
  }
  return out;
}

/** Writes `<outDir>/<name>.docx` and `<outDir>/faulty/<name>.docx`; returns the paths written. */
export async function writeShapeDocuments(outDir: string, fixturesDir?: string): Promise<string[]> {
  const written: string[] = [];
  for (const d of await buildShapeDocuments(fixturesDir)) {
    const dir = d.faulty ? path.join(outDir, 'faulty') : outDir;
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${d.name}.docx`);
    writeFileSync(file, d.buffer);
    written.push(file);
  }
  return written;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node dist/scripts/shapes-docx.js <outdir>');
    process.exit(2);
  }
  writeShapeDocuments(outDir).then(
    (files) => console.log(`wrote ${files.length} files to ${outDir}`),
    (err: unknown) => {
      console.error(`shapes-docx: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(2);
    },
  );
}
