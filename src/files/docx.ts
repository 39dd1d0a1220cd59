/** The Word reader lives in src/docx/reader.ts; the file layer knows it by this name. */
export { readDocx, type DocxText, type ReadDocxOptions } from '../docx/reader.js';
