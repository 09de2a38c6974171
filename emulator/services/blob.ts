// The emulated Apps Script Blob: bytes with a content type and a name, as Utilities, DriveApp and HtmlService hand them out.

import { decodeEntities, renderHtmlToPdf } from './pdf-render';

/** Extension -> MIME type for setContentTypeFromExtension (the common types a register program meets). */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  htm: 'text/html',
  json: 'application/json',
  xml: 'application/xml',
  zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Ref: Blob.getAs — "adds the appropriate extension to the filename ... assumes that the part of the filename that
 * follows the final period (if any) is an existing extension that should be replaced".
 */
function withExtension(name: string | null, extension: string): string | null {
  if (name === null) return null;
  const dot = name.lastIndexOf('.');
  return `${dot < 0 ? name : name.slice(0, dot)}.${extension}`;
}

/** Java/Apps Script signed bytes (-128..127) from unsigned ones. Ref: docs/reference/apps-script-runtime.md §3 Utilities. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

/** Unsigned bytes from Apps Script Byte[] (accepts signed or unsigned numbers). */
export function fromSignedBytes(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 0xff);
}

function encode(text: string, charset: string | undefined): Uint8Array {
  const name = (charset ?? 'UTF-8').toUpperCase().replace('_', '-');
  if (name === 'UTF-8' || name === 'UTF8') return new Uint8Array(Buffer.from(text, 'utf8'));
  if (name === 'US-ASCII' || name === 'ISO-8859-1' || name === 'LATIN1') {
    return new Uint8Array(Buffer.from(text, 'latin1'));
  }
  if (name === 'UTF-16LE') return new Uint8Array(Buffer.from(text, 'utf16le'));
  // Open: other Java charsets are not emulated; refuse rather than guess.
  throw new Error(`Emulator: charset ${charset} is not emulated.`);
}

function decode(bytes: Uint8Array, charset: string | undefined): string {
  const name = (charset ?? 'UTF-8').toUpperCase().replace('_', '-');
  const buf = Buffer.from(bytes);
  if (name === 'UTF-8' || name === 'UTF8') return buf.toString('utf8');
  if (name === 'US-ASCII' || name === 'ISO-8859-1' || name === 'LATIN1') return buf.toString('latin1');
  if (name === 'UTF-16LE') return buf.toString('utf16le');
  throw new Error(`Emulator: charset ${charset} is not emulated.`);
}

/**
 * A data blob. Ref: https://developers.google.com/apps-script/reference/base/blob
 * Kept host-side (no ctx): Blob has no service global, so its calls are not counted.
 */
export class EmuBlob implements GoogleAppsScript.Base.Blob {
  private bytes: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(bytes: Uint8Array, contentType: string | null, name: string | null) {
    this.bytes = new Uint8Array(bytes);
    this.contentType = contentType;
    this.name = name;
  }

  /** The raw unsigned bytes, for host code (Drive storage, mail attachments). */
  rawBytes(): Uint8Array {
    return new Uint8Array(this.bytes);
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return new EmuBlob(this.bytes, this.contentType, this.name);
  }

  /**
   * Ref: Blob.getAs — "converted to the specified content type"; the name gets the new extension.
   * The identity conversion and HTML to PDF (an approximation: emulator/services/pdf-render.ts) are emulated.
   * Open: other conversions (images, Office files) are not emulated and throw.
   */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    if (contentType === 'application/pdf' && /^text\/html\b/i.test(this.contentType ?? '')) {
      const html = this.getDataAsString();
      const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? this.name ?? '';
      return new EmuBlob(renderHtmlToPdf(html, decodeEntities(title)), contentType, withExtension(this.name, 'pdf'));
    }
    throw new Error(
      `Emulator: Blob.getAs('${contentType}') from '${this.contentType ?? 'unknown'}' is not emulated (Open).`,
    );
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this.copyBlob();
  }

  /** Ref: Blob.getBytes returns Byte[]: Java signed bytes. */
  getBytes(): GoogleAppsScript.Byte[] {
    return toSignedBytes(this.bytes);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset?: string): string {
    return decode(this.bytes, charset);
  }

  getName(): string | null {
    return this.name;
  }

  /** Ref: "Whether this blob is a Google Workspace file (Sheets, Docs, etc.)." Blobs here hold bytes only. */
  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: GoogleAppsScript.Byte[]): GoogleAppsScript.Base.Blob {
    this.bytes = fromSignedBytes(data);
    return this;
  }

  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this;
  }

  /** Ref: Blob.setContentTypeFromExtension — throws when the extension is unknown. Open: the error wording. */
  setContentTypeFromExtension(): GoogleAppsScript.Base.Blob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const type = MIME_BY_EXTENSION[ext];
    if (!type) throw new Error(`Could not determine content type from the extension of '${this.name ?? ''}'.`);
    this.contentType = type;
    return this;
  }

  setDataFromString(text: string, charset?: string): GoogleAppsScript.Base.Blob {
    this.bytes = encode(text, charset);
    return this;
  }

  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this;
  }

  getAllBlobs(): GoogleAppsScript.Base.Blob[] {
    return [this.copyBlob()];
  }
}
