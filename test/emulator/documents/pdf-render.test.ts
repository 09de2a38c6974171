// Tests for the emulated HTML -> PDF conversion behind Blob.getAs('application/pdf') (a text-layout approximation).
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { EmuBlob } from '../../../emulator/services/blob';
import { decodeEntities, htmlToBlocks, renderHtmlToPdf } from '../../../emulator/services/pdf-render';
import { pdfPageCount, pdfTextLines } from '../../e2e/lifecycle/pdf-text';

const HTML = [
  '<!DOCTYPE html><html><head><title>Laporan &amp; Uji</title><style>h1{color:red}</style></head><body>',
  '<div style="text-align:center;border-bottom:3px double #000"><div>PEMERINTAH KABUPATEN</div><div>DINAS KOMINFO</div></div>',
  '<h1>JUDUL LAPORAN</h1><p class="center">Periode: November 2026</p>',
  '<h2>A. Bagian</h2><p>Teks dengan <b>tebal</b> &lt;aman&gt; dan baris<br>kedua.</p>',
  '<table><thead><tr><th>Tahap</th><th>Jumlah</th></tr></thead><tbody><tr><td>1</td><td class="num">4</td></tr></tbody></table>',
  '<ol><li>Pertama</li><li>Kedua</li></ol><script>alert(1)</script></body></html>',
].join('');

describe('htmlToBlocks', () => {
  it('keeps the text in reading order as headings, paragraphs, rows and items, dropping head and scripts', () => {
    expect(htmlToBlocks(HTML)).toEqual([
      { kind: 'paragraph', text: 'PEMERINTAH KABUPATEN', bold: false, align: 'center' },
      { kind: 'paragraph', text: 'DINAS KOMINFO', bold: false, align: 'center' },
      { kind: 'rule' },
      { kind: 'heading', level: 1, text: 'JUDUL LAPORAN' },
      { kind: 'paragraph', text: 'Periode: November 2026', bold: false, align: 'center' },
      { kind: 'heading', level: 2, text: 'A. Bagian' },
      { kind: 'paragraph', text: 'Teks dengan tebal <aman> dan baris\nkedua.', bold: false, align: 'left' },
      { kind: 'row', cells: ['Tahap', 'Jumlah'], header: true, table: 1 },
      { kind: 'row', cells: ['1', '4'], header: false, table: 1 },
      { kind: 'item', marker: '1.', text: 'Pertama' },
      { kind: 'item', marker: '2.', text: 'Kedua' },
    ]);
  });
  it('decodes named and numeric character references', () => {
    expect(decodeEntities('&amp;&lt;&gt;&quot;&#39;&#x41;&nbsp;&unknown;')).toBe('&<>"\'A &unknown;');
  });
});

describe('renderHtmlToPdf', () => {
  it('makes a PDF that pdf-lib reads, with the title and every text', async () => {
    const bytes = renderHtmlToPdf(HTML, 'Laporan & Uji');
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe('Laporan & Uji');
    expect(doc.getPageCount()).toBe(1);
    const text = pdfTextLines(bytes);
    for (const t of ['PEMERINTAH KABUPATEN', 'JUDUL LAPORAN', 'Tahap', 'Jumlah', 'Pertama', '2.'])
      expect(text).toContain(t);
    expect(text.join(' ')).not.toContain('alert');
  });
  it('breaks long documents over A4 pages and replaces characters Helvetica lacks', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `<tr><td>Baris ${i + 1}</td><td>Ѳ ✓ ok</td></tr>`).join('');
    const bytes = renderHtmlToPdf(`<table>${rows}</table>`, 'Panjang');
    expect(pdfPageCount(bytes)).toBeGreaterThan(1);
    const text = pdfTextLines(bytes);
    expect(text).toContain('Baris 120');
    expect(text).toContain('? ? ok');
  });
});

describe('Blob.getAs', () => {
  it('converts an HTML blob to a PDF blob, replacing the name extension', () => {
    const html = new EmuBlob(new Uint8Array(Buffer.from(HTML)), 'text/html', 'laporan.html');
    const pdf = html.getAs('application/pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('laporan.pdf');
    expect(Buffer.from((pdf as EmuBlob).rawBytes().slice(0, 5)).toString()).toBe('%PDF-');
    const noName = new EmuBlob(new Uint8Array(Buffer.from('<p>x</p>')), 'text/html; charset=utf-8', null).getAs(
      'application/pdf',
    );
    expect(noName.getName()).toBeNull();
  });
  it('still refuses conversions it does not emulate', () => {
    const text = new EmuBlob(new Uint8Array(Buffer.from('x')), 'text/plain', 'a.txt');
    expect(() => text.getAs('application/pdf')).toThrow(/not emulated/);
  });
});
