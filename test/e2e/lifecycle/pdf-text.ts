// Reads the text lines back out of a PDF the emulator made (inflated content streams, hex-string Tj operators).
import { inflateSync } from 'node:zlib';

/** The text of every Tj operator, in drawing order, decoded as WinAnsi (Latin-1 for the characters used here). */
export function pdfTextLines(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf).toString('latin1');
  const lines: string[] = [];
  const streamPattern = /<<([\s\S]*?)>>\s*stream\r?\n/g;
  for (let m = streamPattern.exec(raw); m !== null; m = streamPattern.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const body = Buffer.from(raw.slice(start, end), 'latin1');
    let text: string;
    try {
      text = /FlateDecode/.test(m[1] ?? '') ? inflateSync(body).toString('latin1') : body.toString('latin1');
    } catch {
      continue;
    }
    for (const t of text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      lines.push(Buffer.from(t[1] ?? '', 'hex').toString('latin1'));
    for (const t of text.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) lines.push((t[1] ?? '').replace(/\\(.)/g, '$1'));
  }
  return lines;
}

/** The number of pages (Type /Page objects). */
export function pdfPageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page\b/g) ?? []
  ).length;
}
