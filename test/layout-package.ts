import yazl from 'yazl';

/** Test helpers: a .docx package from hand-written parts (only what the test needs). */

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

export function zipParts(parts: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(parts)) zip.addBuffer(Buffer.from(text, 'utf8'), name);
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

export const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
export const stylesXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${inner}</w:styles>`;
export const numberingXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${inner}</w:numbering>`;
export const themeXml = (major: string, minor: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"><a:themeElements><a:fontScheme name="f">` +
  `<a:majorFont>${major}</a:majorFont><a:minorFont>${minor}</a:minorFont></a:fontScheme></a:themeElements></a:theme>`;
export const relsXml = (rels: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`).join('') +
  `</Relationships>`;
