// Turns Google URLs in mail and pages (web app, Forms, Sheets, Drive) into this simulator's local addresses.

const REWRITES: [RegExp, (match: RegExpExecArray) => string][] = [
  // Web app: https://script.google.com/macros/s/<deployment>/exec and the Workspace form /a/macros/<domain>/s/...
  [
    /https:\/\/script\.google\.com\/(?:a\/(?:macros\/)?[^/"'\s]+\/)?macros\/s\/[^/"'\s?#]+\/(exec|dev)(?=[/?#"'\s<]|$)/g,
    (match) => `{origin}/${match[1]}`,
  ],
  [
    /https:\/\/docs\.google\.com\/forms\/d\/(?:e\/)?[^/"'\s?#]+\/viewform\?(?:[^"'\s<]*?&(?:amp;)?)?edit2=([^&"'\s<#]+)[^"'\s<]*/g,
    (match) => `{origin}/form/edit/${match[1]}`,
  ],
  [/https:\/\/docs\.google\.com\/forms\/d\/(?:e\/)?[^/"'\s?#]+\/viewform[^"'\s<]*/g, () => '{origin}/form'],
  [
    /https:\/\/docs\.google\.com\/spreadsheets\/d\/([^/"'\s?#]+)[^"'\s<]*/g,
    (match) => `{origin}/spreadsheet?id=${encodeURIComponent(match[1] ?? '')}`,
  ],
  [
    /https:\/\/drive\.google\.com\/(?:file\/d\/|open\?id=|uc\?id=)([^/"'\s?&#]+)[^"'\s<]*/g,
    (match) => `{origin}/drive/${encodeURIComponent(match[1] ?? '')}`,
  ],
];

/**
 * Rewrites every known Google URL in the text to the simulator's address for the same thing. `origin`
 * ("http://127.0.0.1:8080") keeps URLs absolute, so an address copied out of a mail still works in the browser.
 */
export function localizeLinks(text: string, origin = ''): string {
  let result = text;
  for (const [pattern, replace] of REWRITES) {
    result = result.replace(pattern, (...args: unknown[]) => {
      const groups = args.slice(0, -2) as string[];
      const match = Object.assign([...groups], { index: 0, input: '' }) as unknown as RegExpExecArray;
      return replace(match).replace('{origin}', origin);
    });
  }
  return result;
}
