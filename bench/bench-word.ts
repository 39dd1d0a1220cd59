/**
 * Word input: the time to read a .docx at two sizes (it should grow about
 * linearly), and the time a .doc adds by its LibreOffice conversion (when
 * soffice is installed; skipped with a note otherwise).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { readDocx } from '../src/docx/reader.js';
import { readBytes } from '../src/files/read.js';

async function report(sections: number): Promise<Buffer> {
  const children: Paragraph[] = [new Paragraph({ children: [new TextRun('关于2024年度落实全面从严治党主体责任情况的报告')] })];
  for (let i = 0; i < sections; i++) {
    children.push(new Paragraph({ numbering: { reference: 'report', level: 1 }, children: [new TextRun(`压实责任链条${i}`)] }));
    for (let k = 0; k < 4; k++) children.push(new Paragraph({ children: [new TextRun('县委常委会全年专题研究全面从严治党工作12次，督促整改问题线索18条，建立问题台账并逐项销号。')] }));
  }
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

async function time(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

const small = await report(500);
const large = await report(1000);
const a = await time(() => readDocx(small));
const b = await time(() => readDocx(large));
console.log(`read .docx, 2,500 paragraphs: ${a.toFixed(0)} ms; 5,000: ${b.toFixed(0)} ms; ratio ${(b / a).toFixed(2)} (≈2 is linear)`);

if (spawnSync('soffice', ['--version']).status !== 0) {
  console.log('.doc conversion: skipped, soffice not found (install LibreOffice to measure it)');
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-bench-word-'));
  try {
    const typical = await report(12);
    writeFileSync(path.join(dir, 'r.docx'), typical);
    spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'doc', '--outdir', dir, path.join(dir, 'r.docx')]);
    const doc = readFileSync(path.join(dir, 'r.doc'));
    const stamp = { mtimeMs: 0, size: 0 };
    const docx = await time(() => readBytes(typical, 'r.docx', {}, stamp));
    const converted = await time(() => readBytes(doc, 'r.doc', {}, stamp), 3);
    console.log(`typical report (61 paragraphs): .docx ${docx.toFixed(0)} ms, .doc ${converted.toFixed(0)} ms: the conversion adds ${((converted - docx) / 1000).toFixed(1)} s per file`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
