// HtmlService: HtmlOutput and HtmlTemplate (scriptlets evaluated in the execution's vm context) for pages and dialogs.
import type { RuntimeContext } from '../runtime/runtime-context';
import { counted } from '../runtime/runtime-context';
import { EmuBlob } from './blob';

/**
 * The meta tags addMetaTag accepts; any other name throws. Meta tags written inside the HTML itself are not promoted
 * to the served page's head. Ref: https://developers.google.com/apps-script/reference/html/html-output#addMetaTag(String,String)
 * Open: the list (viewport, apple-mobile-web-app-capable, mobile-web-app-capable, google-site-verification) is taken
 * from the method's documentation as remembered, not from a stored copy; the thrown text is not documented.
 */
export const ALLOWED_META_TAGS = new Set([
  'viewport',
  'apple-mobile-web-app-capable',
  'mobile-web-app-capable',
  'google-site-verification',
]);

/** Host-side view of an HtmlOutput the program returned (web app responses, dialogs, sidebars). */
export interface HtmlOutputData {
  content: string;
  title: string;
  metaTags: { name: string; content: string }[];
  width: number;
  height: number;
  faviconUrl: string | null;
  xFrameOptionsMode: string;
  sandboxMode: string;
}

const outputs = new WeakMap<object, HtmlOutputData>();

/** The data behind an HtmlOutput, or null when `value` is not one. */
export function htmlOutputData(value: unknown): HtmlOutputData | null {
  return value !== null && typeof value === 'object' ? (outputs.get(value) ?? null) : null;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Compiles scriptlets to a JS function body: `<? code ?>` runs, `<?= expr ?>` prints HTML-escaped, `<?!= expr ?>`
 * prints raw. Ref: https://developers.google.com/apps-script/guides/html/templates
 * Open: Google escapes contextually (e.g. inside <script>); the emulator HTML-escapes everywhere.
 */
export function compileTemplate(source: string): string {
  const lines: string[] = [];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    if (match.index > last) lines.push(`__out.push(${JSON.stringify(source.slice(last, match.index))});`);
    const body = match[2] ?? '';
    if (match[1] === '=') lines.push(`__out.push(__esc(${body}));`);
    else if (match[1] === '!=') lines.push(`__out.push(__raw(${body}));`);
    else lines.push(body);
    last = pattern.lastIndex;
  }
  if (last < source.length) lines.push(`__out.push(${JSON.stringify(source.slice(last))});`);
  return lines.join('\n');
}

function printable(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** Accepts an HTML string or a BlobSource, as createHtmlOutput and createTemplate do. */
function sourceText(source: unknown): string {
  if (source === undefined || source === null) return '';
  if (typeof source === 'object' && typeof (source as { getBlob?: unknown }).getBlob === 'function') {
    return (source as GoogleAppsScript.Base.BlobSource).getBlob().getDataAsString();
  }
  return String(source);
}

function createHtmlOutput(ctx: RuntimeContext, initial: string): GoogleAppsScript.HTML.HtmlOutput {
  const data: HtmlOutputData = {
    content: initial,
    title: '',
    metaTags: [],
    width: 0,
    height: 0,
    faviconUrl: null,
    xFrameOptionsMode: 'DEFAULT',
    sandboxMode: 'IFRAME',
  };
  const output: Record<string, unknown> = counted(ctx, 'HtmlService', 'HtmlOutput', {
    addMetaTag(name: string, content: string) {
      if (!ALLOWED_META_TAGS.has(String(name))) throw new Error(`Meta tag ${name} is not allowed.`);
      data.metaTags.push({ name: String(name), content: String(content) });
      return output;
    },
    append(addedContent: string) {
      data.content += String(addedContent);
      return output;
    },
    appendUntrusted(addedContent: string) {
      data.content += escapeHtml(String(addedContent));
      return output;
    },
    asTemplate() {
      return createTemplate(ctx, data.content);
    },
    clear() {
      data.content = '';
      return output;
    },
    getAs(contentType: string) {
      if (String(contentType) !== 'text/html')
        throw new Error(`Emulator: converting HTML to ${contentType} is not emulated.`);
      return new EmuBlob(new Uint8Array(Buffer.from(data.content, 'utf8')), 'text/html', null);
    },
    getBlob() {
      return new EmuBlob(new Uint8Array(Buffer.from(data.content, 'utf8')), 'text/html', null);
    },
    getContent() {
      return data.content;
    },
    getFaviconUrl() {
      return data.faviconUrl;
    },
    getHeight() {
      return data.height;
    },
    getMetaTags() {
      return data.metaTags.map((tag) =>
        counted(ctx, 'HtmlService', 'HtmlOutputMetaTag', {
          getName: () => tag.name,
          getContent: () => tag.content,
        }),
      );
    },
    getTitle() {
      return data.title;
    },
    getWidth() {
      return data.width;
    },
    setContent(content: string) {
      data.content = String(content);
      return output;
    },
    setFaviconUrl(iconUrl: string) {
      data.faviconUrl = String(iconUrl);
      return output;
    },
    setHeight(height: number) {
      data.height = Number(height);
      return output;
    },
    setSandboxMode(mode: string) {
      data.sandboxMode = String(mode);
      return output;
    },
    setTitle(title: string) {
      data.title = String(title);
      return output;
    },
    setWidth(width: number) {
      data.width = Number(width);
      return output;
    },
    setXFrameOptionsMode(mode: string) {
      data.xFrameOptionsMode = String(mode);
      return output;
    },
  });
  outputs.set(output, data);
  return output as unknown as GoogleAppsScript.HTML.HtmlOutput;
}

const TEMPLATE_METHODS = new Set(['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']);

/** HtmlTemplate: properties the program sets on it become variables of the scriptlets. */
function createTemplate(ctx: RuntimeContext, source: string): GoogleAppsScript.HTML.HtmlTemplate {
  const code = compileTemplate(source);
  const template: Record<string, unknown> = counted(ctx, 'HtmlService', 'HtmlTemplate', {
    evaluate() {
      const data: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(template)) if (!TEMPLATE_METHODS.has(key)) data[key] = value;
      const render = ctx.evaluate(
        `(function (__data, __esc, __raw) { with (__data) { var __out = [];\n${code}\nreturn __out.join(''); } })`,
      ) as (data: object, esc: (v: unknown) => string, raw: (v: unknown) => string) => string;
      const html = render(
        data,
        (value) => escapeHtml(printable(value)),
        (value) => printable(value),
      );
      return createHtmlOutput(ctx, html);
    },
    getCode() {
      return code;
    },
    getCodeWithComments() {
      return code;
    },
    getRawContent() {
      return source;
    },
  });
  return template as unknown as GoogleAppsScript.HTML.HtmlTemplate;
}

/** A project HTML file by name, with or without '.html'. Open: Google's error text for a missing file is not in the reference. */
function projectFile(ctx: RuntimeContext, filename: string): string {
  const name = String(filename).replace(/\.html$/, '');
  const content = ctx.projectFiles[name];
  if (content === undefined) throw new Error(`No HTML file named ${name} was found.`);
  return content;
}

/** HtmlService. Ref: https://developers.google.com/apps-script/reference/html/html-service */
export function createHtmlService(ctx: RuntimeContext): GoogleAppsScript.HTML.HtmlService {
  const service = counted(ctx, 'HtmlService', 'HtmlService', {
    createHtmlOutput(html?: unknown) {
      return createHtmlOutput(ctx, sourceText(html));
    },
    createHtmlOutputFromFile(filename: string) {
      return createHtmlOutput(ctx, projectFile(ctx, filename));
    },
    createTemplate(html: unknown) {
      return createTemplate(ctx, sourceText(html));
    },
    createTemplateFromFile(filename: string) {
      return createTemplate(ctx, projectFile(ctx, filename));
    },
    /** Open: there is no browser behind an emulated request; an empty user agent is returned. */
    getUserAgent() {
      return '';
    },
  });
  return Object.assign(service, {
    SandboxMode: { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' },
    XFrameOptionsMode: { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' },
  }) as unknown as GoogleAppsScript.HTML.HtmlService;
}
