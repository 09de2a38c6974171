// ContentService: text outputs (JSON, CSV, plain text...) a web app returns.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';

/** ContentService.MimeType and the Content-Type each serves. Ref: https://developers.google.com/apps-script/reference/content/mime-type */
export const CONTENT_MIME_TYPES: Record<string, string> = {
  ATOM: 'application/atom+xml',
  CSV: 'text/csv',
  ICAL: 'text/calendar',
  JAVASCRIPT: 'application/javascript',
  JSON: 'application/json',
  RSS: 'application/rss+xml',
  TEXT: 'text/plain',
  VCARD: 'text/vcard',
  XML: 'application/xml',
};

/** Host-side view of a TextOutput the program returned from doGet/doPost. */
export interface TextOutputData {
  content: string;
  mimeType: string;
  fileName: string | null;
}

const outputs = new WeakMap<object, TextOutputData>();

/** The data behind a TextOutput, or null when `value` is not one (the web app runner tells outputs apart this way). */
export function textOutputData(value: unknown): TextOutputData | null {
  return value !== null && typeof value === 'object' ? (outputs.get(value) ?? null) : null;
}

/** Ref: https://developers.google.com/apps-script/reference/content/text-output */
function createTextOutput(ctx: RuntimeContext, initial: string): GoogleAppsScript.Content.TextOutput {
  const data: TextOutputData = { content: initial, mimeType: 'TEXT', fileName: null };
  const output: Record<string, unknown> = counted(ctx, 'ContentService', 'TextOutput', {
    append(addedContent: string) {
      data.content += String(addedContent);
      return output;
    },
    clear() {
      data.content = '';
      return output;
    },
    downloadAsFile(filename: string) {
      data.fileName = String(filename);
      return output;
    },
    getContent() {
      return data.content;
    },
    getFileName() {
      return data.fileName;
    },
    getMimeType() {
      return data.mimeType;
    },
    setContent(content: string) {
      data.content = String(content);
      return output;
    },
    setMimeType(mimeType: string) {
      const name = String(mimeType);
      if (!(name in CONTENT_MIME_TYPES)) throw new Error(`Invalid argument: mimeType`);
      data.mimeType = name;
      return output;
    },
  });
  outputs.set(output, data);
  return output as unknown as GoogleAppsScript.Content.TextOutput;
}

/** ContentService. Ref: https://developers.google.com/apps-script/reference/content/content-service */
export function createContentService(ctx: RuntimeContext): GoogleAppsScript.Content.ContentService {
  const service = counted(ctx, 'ContentService', 'ContentService', {
    createTextOutput(content?: string) {
      return createTextOutput(ctx, content === undefined ? '' : String(content));
    },
  });
  return Object.assign(service, {
    MimeType: Object.fromEntries(Object.keys(CONTENT_MIME_TYPES).map((name) => [name, name])),
  }) as unknown as GoogleAppsScript.Content.ContentService;
}
