// The web app as Google frames it: a thin bar above the program's own page, which runs in its own frame with google.script.run.
import { esc } from '../html';
import { type Frame, layout } from './layout';

/** The /exec (or /dev) screen around one doGet/doPost output. */
export function webAppPage(options: {
  frame: Frame;
  path: '/exec' | '/dev';
  title: string;
  pageId: string;
  status: number;
  executionId: string;
}): string {
  const dev = options.path === '/dev' ? ' · versi pengembangan (/dev)' : '';
  const body = `<div class="webapp-banner">Aplikasi ini dibuat oleh pengguna Google Apps Script${dev} ·
<span data-execution-id="${esc(options.executionId)}">eksekusi ${esc(options.executionId)}</span></div>
<iframe class="webapp-frame" src="/__page/${esc(options.pageId)}" title="${esc(options.title || 'Aplikasi Web')}" name="webapp"></iframe>`;
  return layout({ title: options.title || 'Aplikasi Web', section: 'webapp', frame: options.frame, body });
}

/** Google's page when the script failed or has no doGet/doPost. */
export function webAppErrorPage(frame: Frame, message: string): string {
  const body = `<div class="card"><h1>Error</h1><div class="notice error" data-webapp-error>${esc(message)}</div></div>`;
  return layout({ title: 'Error', section: 'webapp', frame, body });
}

/** /exec without parameters before anything is set up: what the web app is for. */
export function webAppIntro(frame: Frame): string {
  const body = `<h1>Aplikasi Web</h1><div class="card">Halaman aplikasi web dibuka dari tautan di surel (lihat
<a href="/gmail">Gmail</a>). Pejabat membuka tautan, melihat halaman konfirmasi, lalu memutuskan.</div>`;
  return layout({ title: 'Aplikasi Web', section: 'webapp', frame, body });
}
