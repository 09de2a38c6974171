// HTML -> PDF for the emulated Blob.getAs('application/pdf'): an approximation (plain text layout with pdf-lib), not Google's renderer.
//
// Ref: https://developers.google.com/apps-script/reference/base/blob#getAs(String) — "Return the data inside this
// object as a blob converted to the specified content type." Google converts an HTML blob to PDF with its own
// renderer. Open: that renderer's layout (CSS support, fonts, page size, margins) is not documented. This emulation
// keeps what a reader of the PDF relies on: every text in document order, headings, paragraphs, list items and tables
// (a ruled grid, text wrapped in cells), on A4 pages in Helvetica. It ignores CSS, images and links. Characters that
// Helvetica's WinAnsi encoding lacks are shown as '?'.
//
// pdf-lib's API is asynchronous while an Apps Script call is synchronous, so the layout runs in a worker thread
// (pdf-render-worker.mjs) and this thread blocks on Atomics.wait until the bytes come back, as a synchronous call would.

import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** One block of the document, in reading order. */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold: boolean; align: 'left' | 'center' | 'right' }
  | { kind: 'item'; marker: string; text: string }
  | { kind: 'row'; cells: string[]; header: boolean; table: number }
  | { kind: 'rule' };

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
};

/** Decodes the character references an escaped text holds (named basics and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'header',
  'footer',
  'main',
  'article',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'form',
  'blockquote',
]);

/**
 * Reads HTML into blocks: head, style and script dropped; h1–h3 headings; li items (numbered inside ol); tr rows of
 * td/th cells; every other block element a paragraph; br a line break; an element with a double bottom border (the
 * kop surat) followed by a rule. Tolerant of unclosed tags, as browsers are.
 */
export function htmlToBlocks(html: string): PdfBlock[] {
  const source = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>|<\?[^>]*>/g, '')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<(style|script|title)[\s\S]*?<\/\1>/gi, '');
  const blocks: PdfBlock[] = [];
  let text = '';
  let bold = 0;
  let align: 'left' | 'center' | 'right' = 'left';
  let heading: 1 | 2 | 3 | null = null;
  let item: string | null = null;
  const lists: { ordered: boolean; n: number }[] = [];
  let row: string[] | null = null;
  let rowHeader = false;
  let cell: string | null = null;
  let table = 0;
  const opened: { align: 'left' | 'center' | 'right'; rule: boolean }[] = [];

  const clean = (t: string) =>
    decodeEntities(t)
      .replace(/[ \t\r\f\v]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
  const flush = () => {
    const t = clean(text);
    text = '';
    if (t === '') return;
    if (heading !== null) blocks.push({ kind: 'heading', level: heading, text: t });
    else if (item !== null) {
      blocks.push({ kind: 'item', marker: item, text: t });
      item = '';
    } else blocks.push({ kind: 'paragraph', text: t, bold: bold > 0, align });
  };

  const tagPattern = /<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|([^<]+)|</g;
  for (let m = tagPattern.exec(source); m !== null; m = tagPattern.exec(source)) {
    if (m[3] !== undefined || m[1] === undefined) {
      const piece = (m[3] ?? '<').replace(/\s+/g, ' ');
      if (cell !== null) cell += piece;
      else text += piece;
      continue;
    }
    const tag = m[1].toLowerCase();
    const closing = m[0].startsWith('</');
    const attrs = m[2] ?? '';
    if (tag === 'br') {
      if (cell !== null) cell += '\n';
      else text += '\n';
      continue;
    }
    if (tag === 'td' || tag === 'th') {
      if (row === null) continue;
      if (!closing) {
        if (cell !== null) row.push(clean(cell));
        cell = '';
        if (tag === 'th') rowHeader = true;
      } else if (cell !== null) {
        row.push(clean(cell));
        cell = null;
      }
      continue;
    }
    if (tag === 'tr') {
      if (!closing) {
        flush();
        row = [];
        rowHeader = false;
      } else if (row !== null) {
        if (cell !== null) row.push(clean(cell));
        cell = null;
        if (row.length > 0) blocks.push({ kind: 'row', cells: row, header: rowHeader, table });
        row = null;
      }
      continue;
    }
    if (tag === 'table') {
      flush();
      if (!closing) table++;
      continue;
    }
    if (cell !== null) continue;
    if (tag === 'b' || tag === 'strong') {
      bold += closing ? -1 : 1;
      bold = Math.max(bold, 0);
      continue;
    }
    if (tag === 'h1' || tag === 'h2' || tag === 'h3') {
      flush();
      heading = closing ? null : (Number(tag[1]) as 1 | 2 | 3);
      continue;
    }
    if (tag === 'li') {
      flush();
      if (!closing) {
        const list = lists[lists.length - 1];
        if (list) list.n++;
        item = list?.ordered ? `${list.n}.` : '-';
      } else item = null;
      continue;
    }
    if (tag === 'ol' || tag === 'ul') {
      flush();
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', n: 0 });
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      flush();
      if (!closing) {
        opened.push({ align, rule: /border-bottom\s*:\s*3px double/i.test(attrs) });
        const centred = /text-align\s*:\s*center/i.test(attrs) || /class="[^"]*center/i.test(attrs);
        const right = /text-align\s*:\s*right/i.test(attrs);
        align = centred ? 'center' : right ? 'right' : align;
      } else {
        const outer = opened.pop();
        align = outer?.align ?? 'left';
        if (outer?.rule) blocks.push({ kind: 'rule' });
      }
    }
  }
  flush();
  return blocks;
}

const require = createRequire(import.meta.url);
const WORKER_URL = new URL('./pdf-render-worker.mjs', import.meta.url);
/** A conversion that takes longer than this is a fault of the emulator, not of the program. */
const TIMEOUT_MS = 60_000;

/**
 * Converts an HTML document to PDF bytes, synchronously (see the header). The title becomes the PDF's Title.
 */
export function renderHtmlToPdf(html: string, title: string): Uint8Array {
  const blocks = htmlToBlocks(html);
  const shared = new SharedArrayBuffer(4);
  const flag = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_URL, {
    workerData: { shared, port: port2, blocks, title, pdfLib: require.resolve('pdf-lib') },
    transferList: [port2],
  });
  try {
    const waited = Atomics.wait(flag, 0, 0, TIMEOUT_MS);
    const received = receiveMessageOnPort(port1);
    if (waited === 'timed-out' || !received) throw new Error('Emulator: HTML to PDF conversion did not finish.');
    const message = received.message as { ok: true; bytes: Uint8Array } | { ok: false; error: string };
    if (!message.ok) throw new Error(`Emulator: HTML to PDF conversion failed: ${message.error}`);
    return new Uint8Array(message.bytes);
  } finally {
    port1.close();
    void worker.terminate();
  }
}
