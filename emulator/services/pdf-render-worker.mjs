// @ts-check
// Worker thread of pdf-render.ts: lays out the blocks on A4 pages with pdf-lib (asynchronous), then wakes the caller.
// Plain JavaScript because a worker thread loads it with Node's own loader (no TypeScript transform there).

import { createRequire } from 'node:module';
import { workerData } from 'node:worker_threads';

const { shared, port, blocks, title, pdfLib } = workerData;
const require = createRequire(import.meta.url);
/** @type {typeof import('pdf-lib')} */
const { PDFDocument, StandardFonts, rgb } = require(pdfLib);

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const SIZES = { 1: 14, 2: 12, 3: 11, paragraph: 10, cell: 9 };
const LINE = 1.35;
const PAD = 3;

function done(message) {
  port.postMessage(message);
  const flag = new Int32Array(shared);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

async function main() {
  const doc = await PDFDocument.create();
  doc.setTitle(title || 'Dokumen');
  doc.setProducer('Apps Script emulator (text layout approximation)');
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const regular = doc.embedStandardFont(StandardFonts.Helvetica);
  const bold = doc.embedStandardFont(StandardFonts.HelveticaBold);
  const encodable = new Map();

  /** Replaces characters WinAnsi lacks with '?', so drawing never throws. */
  function safe(font, text) {
    let out = '';
    for (const ch of text) {
      if (!encodable.has(ch)) {
        try {
          font.encodeText(ch);
          encodable.set(ch, true);
        } catch {
          encodable.set(ch, false);
        }
      }
      out += encodable.get(ch) ? ch : '?';
    }
    return out;
  }

  /** Wraps text into lines no wider than `width` (long words are cut). */
  function wrap(text, font, size, width) {
    const lines = [];
    for (const paragraph of safe(font, text).split('\n')) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (font.widthOfTextAtSize(candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line !== '') lines.push(line);
        line = '';
        let rest = word;
        while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
          let cut = rest.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  function room(height) {
    if (y - height >= PAGE.margin) return;
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.margin;
  }

  function textBlock(text, font, size, align, indent = 0, marker = '') {
    const lines = wrap(text, font, size, CONTENT_WIDTH - indent);
    const lineHeight = size * LINE;
    lines.forEach((line, i) => {
      room(lineHeight);
      y -= lineHeight;
      const width = font.widthOfTextAtSize(line, size);
      const x =
        align === 'center'
          ? PAGE.margin + (CONTENT_WIDTH - width) / 2
          : align === 'right'
            ? PAGE.margin + CONTENT_WIDTH - width
            : PAGE.margin + indent;
      if (i === 0 && marker) page.drawText(safe(font, marker), { x: PAGE.margin + indent - 14, y: y + 2, size, font });
      page.drawText(line, { x, y: y + 2, size, font });
    });
    y -= size * 0.4;
  }

  function columnWidths(rows) {
    const count = Math.max(...rows.map((r) => r.cells.length));
    const natural = Array.from({ length: count }, (_, c) =>
      Math.min(
        220,
        Math.max(
          30,
          ...rows.map((r) => (r.cells[c] ? bold.widthOfTextAtSize(safe(bold, r.cells[c]), SIZES.cell) + 2 * PAD : 0)),
        ),
      ),
    );
    // Each column at least as wide as its longest word (so words are not cut) when the page allows it.
    const longestWord = Array.from({ length: count }, (_, c) =>
      Math.max(
        24,
        ...rows.flatMap((r) =>
          safe(bold, r.cells[c] ?? '')
            .split(/\s+/)
            .map((w) => bold.widthOfTextAtSize(w, SIZES.cell) + 2 * PAD + 1),
        ),
      ),
    );
    const floor = longestWord.reduce((a, b) => a + b, 0);
    if (floor >= CONTENT_WIDTH) return longestWord.map((w) => (w / floor) * CONTENT_WIDTH);
    const extra = natural.map((w, c) => Math.max(0, w - longestWord[c]));
    const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
    return longestWord.map((w, c) => w + (extra[c] / extraTotal) * (CONTENT_WIDTH - floor));
  }

  function tableBlock(rows) {
    const widths = columnWidths(rows);
    for (const row of rows) {
      const font = row.header ? bold : regular;
      const cellLines = widths.map((w, c) => wrap(row.cells[c] ?? '', font, SIZES.cell, w - 2 * PAD));
      const height = Math.max(...cellLines.map((l) => l.length)) * SIZES.cell * LINE + 2 * PAD;
      room(height);
      let x = PAGE.margin;
      widths.forEach((w, c) => {
        page.drawRectangle({
          x,
          y: y - height,
          width: w,
          height,
          borderWidth: 0.5,
          borderColor: rgb(0.3, 0.3, 0.3),
          color: row.header ? rgb(0.9, 0.91, 0.93) : undefined,
        });
        cellLines[c].forEach((line, i) => {
          page.drawText(line, { x: x + PAD, y: y - PAD - (i + 1) * SIZES.cell * LINE + 2, size: SIZES.cell, font });
        });
        x += w;
      });
      y -= height;
    }
    y -= 6;
  }

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'heading') {
      room(SIZES[b.level] * 3);
      y -= SIZES[b.level] * 0.5;
      textBlock(b.text, bold, SIZES[b.level], b.level === 1 ? 'center' : 'left');
    } else if (b.kind === 'paragraph') textBlock(b.text, b.bold ? bold : regular, SIZES.paragraph, b.align);
    else if (b.kind === 'item') textBlock(b.text, regular, SIZES.paragraph, 'left', 18, b.marker);
    else if (b.kind === 'rule') {
      room(6);
      page.drawLine({
        start: { x: PAGE.margin, y: y - 1 },
        end: { x: PAGE.width - PAGE.margin, y: y - 1 },
        thickness: 1.5,
      });
      page.drawLine({
        start: { x: PAGE.margin, y: y - 4 },
        end: { x: PAGE.width - PAGE.margin, y: y - 4 },
        thickness: 0.5,
      });
      y -= 12;
    } else if (b.kind === 'row') {
      const rows = [b];
      while (blocks[i + 1]?.kind === 'row' && blocks[i + 1].table === b.table) rows.push(blocks[++i]);
      tableBlock(rows);
    }
  }
  const bytes = await doc.save({ useObjectStreams: false });
  done({ ok: true, bytes });
}

main().catch((error) => done({ ok: false, error: String(error?.stack ?? error) }));
