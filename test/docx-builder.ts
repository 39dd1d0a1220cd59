import { Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

/**
 * Builds .docx test documents in code (no opaque binaries in the repo): a line
 * `# text` is a Heading 1 paragraph, `## text` Heading 2, `(n) text` a paragraph
 * with Word automatic numbering at level n (0 = 一、), anything else a plain paragraph.
 */
export async function buildDocx(lines: string[]): Promise<Buffer> {
  const children = lines.map((line) => {
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (heading) {
      const level = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][heading[1].length - 1];
      return new Paragraph({ heading: level, children: [new TextRun(heading[2])] });
    }
    const numbered = /^\((\d)\) (.*)$/.exec(line);
    if (numbered) {
      return new Paragraph({ numbering: { reference: 'report', level: Number(numbered[1]) }, children: [new TextRun(numbered[2])] });
    }
    return new Paragraph({ children: [new TextRun(line)] });
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'report',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
            { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
            { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
