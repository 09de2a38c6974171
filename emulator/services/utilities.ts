// Utilities: digests, HMAC, base64, formatDate, formatString, parseCsv, UUIDs, blobs and sleep on the emulated clock.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';
import { EmuBlob, fromSignedBytes, toSignedBytes } from './blob';
import { formatDate } from './utilities-format-date';

/** Ref: https://developers.google.com/apps-script/reference/utilities/digest-algorithm */
const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
/** Ref: https://developers.google.com/apps-script/reference/utilities/mac-algorithm */
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Bytes of a String (in `charset`, UTF-8 by default) or of a Byte[] (signed or unsigned numbers). */
function toBytes(value: unknown, charset?: string): Buffer {
  if (Array.isArray(value)) return Buffer.from(fromSignedBytes(value as number[]));
  const text = String(value);
  const name = String(charset ?? 'UTF_8').toUpperCase();
  return Buffer.from(text, name === 'US_ASCII' || name === 'US-ASCII' ? 'latin1' : 'utf8');
}

function signed(buffer: Buffer): number[] {
  return toSignedBytes(new Uint8Array(buffer));
}

/** RFC 4180 CSV as Utilities.parseCsv reads it: quoted fields, doubled quotes, CRLF or LF rows. */
export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let fieldText = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        fieldText += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else fieldText += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(fieldText);
      fieldText = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && csv[i + 1] === '\n') i++;
      row.push(fieldText);
      rows.push(row);
      row = [];
      fieldText = '';
    } else fieldText += ch;
  }
  if (fieldText !== '' || row.length > 0) {
    row.push(fieldText);
    rows.push(row);
  }
  return rows;
}

/**
 * Java String.format as Utilities.formatString documents it (sprintf-like): %s %d %i %f %e %x %o %c %b %% with flags
 * (-, 0, +, space), width and precision.
 * Ref: https://developers.google.com/apps-script/reference/utilities/utilities#formatString(String,Object...)
 */
export function formatString(template: string, args: unknown[]): string {
  let index = 0;
  return template.replace(
    /%([-0+ ]*)(\d+)?(?:\.(\d+))?([sdifexocb%])/g,
    (_m, flags: string, width, precision, kind) => {
      if (kind === '%') return '%';
      const value = args[index++];
      let text: string;
      switch (kind) {
        case 'd':
        case 'i':
          text = String(Math.trunc(Number(value)));
          break;
        case 'f':
          text = Number(value).toFixed(precision === undefined ? 6 : Number(precision));
          break;
        case 'e':
          text = Number(value).toExponential(precision === undefined ? 6 : Number(precision));
          break;
        case 'x':
          text = Math.trunc(Number(value)).toString(16);
          break;
        case 'o':
          text = Math.trunc(Number(value)).toString(8);
          break;
        case 'c':
          text = typeof value === 'number' ? String.fromCharCode(value) : String(value).charAt(0);
          break;
        case 'b':
          text = String(Boolean(value));
          break;
        default:
          text = String(value);
          if (precision !== undefined) text = text.slice(0, Number(precision));
      }
      if (/[dife]/.test(kind) && !text.startsWith('-')) {
        if (flags.includes('+')) text = `+${text}`;
        else if (flags.includes(' ')) text = ` ${text}`;
      }
      const w = width === undefined ? 0 : Number(width);
      if (text.length < w) {
        if (flags.includes('-')) text = text.padEnd(w);
        else if (flags.includes('0') && /[difexo]/.test(kind)) {
          const sign = /^[+\- ]/.test(text) ? (text[0] ?? '') : '';
          text = sign + text.slice(sign.length).padStart(w - sign.length, '0');
        } else text = text.padStart(w);
      }
      return text;
    },
  );
}

/** Utilities. Ref: https://developers.google.com/apps-script/reference/utilities/utilities */
export function createUtilities(ctx: RuntimeContext): GoogleAppsScript.Utilities.Utilities {
  const service = counted(ctx, 'Utilities', 'Utilities', {
    base64Decode(encoded: string, _charset?: string) {
      return signed(Buffer.from(String(encoded), 'base64'));
    },
    base64DecodeWebSafe(encoded: string, _charset?: string) {
      return signed(Buffer.from(String(encoded), 'base64url'));
    },
    base64Encode(data: unknown, charset?: string) {
      return toBytes(data, charset).toString('base64');
    },
    /** Google's web-safe alphabet keeps '=' padding (Java Base64 URL encoder). */
    base64EncodeWebSafe(data: unknown, charset?: string) {
      return toBytes(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    computeDigest(algorithm: string, value: unknown, charset?: string) {
      const name = DIGESTS[String(algorithm)];
      if (!name) throw new Error('Invalid argument: algorithm');
      return signed(createHash(name).update(toBytes(value, charset)).digest());
    },
    /** Returns Java signed bytes (-128..127). Ref: docs/reference/apps-script-runtime.md §3 Utilities [UTIL]. */
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: string) {
      return signed(createHmac('sha256', toBytes(key, charset)).update(toBytes(value, charset)).digest());
    },
    computeHmacSignature(algorithm: string, value: unknown, key: unknown, charset?: string) {
      const name = MACS[String(algorithm)];
      if (!name) throw new Error('Invalid argument: algorithm');
      return signed(createHmac(name, toBytes(key, charset)).update(toBytes(value, charset)).digest());
    },
    formatDate(date: Date, timeZone: string, format: string) {
      if (!(date instanceof Date)) throw new Error('Invalid argument: date');
      return formatDate(date, String(timeZone), String(format));
    },
    formatString(template: string, ...args: unknown[]) {
      return formatString(String(template), args);
    },
    getUuid() {
      return randomUUID();
    },
    jsonParse(jsonString: string) {
      return JSON.parse(jsonString);
    },
    jsonStringify(obj: unknown) {
      return JSON.stringify(obj);
    },
    newBlob(data: unknown, contentType?: string, name?: string) {
      const bytes = data === undefined ? new Uint8Array() : new Uint8Array(toBytes(data));
      return new EmuBlob(bytes, contentType ?? null, name ?? null);
    },
    parseCsv(csv: string, delimiter?: string) {
      return parseCsv(String(csv), delimiter === undefined ? ',' : String(delimiter));
    },
    /** Sleeping spends emulated time only. Ref: docs/reference/design.md "The emulator" (Utilities.sleep advances it). */
    sleep(milliseconds: number) {
      ctx.advance(Math.max(0, Number(milliseconds) || 0));
    },
  });
  const names = (values: Record<string, string>) => Object.fromEntries(Object.keys(values).map((key) => [key, key]));
  return Object.assign(service, {
    Charset: { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' },
    DigestAlgorithm: names(DIGESTS),
    MacAlgorithm: names(MACS),
  }) as unknown as GoogleAppsScript.Utilities.Utilities;
}
