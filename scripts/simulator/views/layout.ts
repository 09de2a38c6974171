// The page frame every simulator screen shares: top navigation, the "who am I" switch and the emulated clock.
import type { Account } from '../accounts';
import { esc, formatWita } from '../html';

/** The five places of the simulator, in the order staff meet them. */
export const SECTIONS = [
  { key: 'form', href: '/form', label: 'Formulir' },
  { key: 'sheet', href: '/spreadsheet', label: 'Spreadsheet' },
  { key: 'gmail', href: '/gmail', label: 'Gmail' },
  { key: 'webapp', href: '/exec', label: 'Aplikasi Web' },
  { key: 'clock', href: '/clock', label: 'Jam & Eksekusi' },
] as const;

export type SectionKey = (typeof SECTIONS)[number]['key'] | 'home';

/** What the frame needs to know about the visit. */
export interface Frame {
  user: string;
  accounts: Account[];
  now: Date;
  /** The path to come back to after switching accounts. */
  back: string;
}

function whoAmI(frame: Frame): string {
  const options = frame.accounts
    .map((account) => {
      const selected = account.email === frame.user ? ' selected' : '';
      const label = account.label ? `${account.label}: ${account.email}` : account.email;
      return `<option value="${esc(account.email)}"${selected}>${esc(label)}</option>`;
    })
    .join('');
  const known = frame.accounts.some((account) => account.email === frame.user);
  const current = known ? '' : `<option value="${esc(frame.user)}" selected>${esc(frame.user)}</option>`;
  return `<form class="whoami" method="post" action="/whoami">
  <label for="whoami-select">Masuk sebagai</label>
  <select id="whoami-select" name="email" data-autosubmit>${current}${options}</select>
  <input type="email" name="other" placeholder="atau ketik alamat lain" aria-label="Alamat email lain">
  <input type="hidden" name="back" value="${esc(frame.back)}">
  <button type="submit" class="secondary">Ganti akun</button>
</form>`;
}

/** Wraps a screen's HTML in the shared frame. */
export function layout(options: { title: string; section: SectionKey; frame: Frame; body: string }): string {
  const nav = SECTIONS.map((section) => {
    const current = section.key === options.section ? ' aria-current="page"' : '';
    return `<a href="${section.href}"${current}>${esc(section.label)}</a>`;
  }).join('');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(options.title)} · Simulator TTE</title>
<link rel="stylesheet" href="/static/simulator.css">
</head>
<body data-section="${esc(options.section)}">
<header class="top">
  <div class="bar">
    <div class="brand"><a href="/" style="color:inherit;text-decoration:none">Simulator Register Sertifikat Elektronik</a>
      <small>Dinas Kominfo Kab. Bolaang Mongondow · semua layanan Google ditiru di komputer ini</small></div>
    <a class="clock-chip" href="/clock" title="Waktu tiruan">Waktu tiruan: <span data-now>${esc(formatWita(options.frame.now))}</span></a>
    ${whoAmI(options.frame)}
  </div>
  <nav class="main" aria-label="Navigasi utama">${nav}</nav>
</header>
<main>
${options.body}
</main>
<script src="/static/simulator.js"></script>
</body>
</html>`;
}

/** One application of the register as the start page lists it. */
export interface OpenApplication {
  reference: string;
  status: string;
  /** Who acts next (an address), '' when nobody does. */
  next: string;
}

function applicationsTable(frame: Frame, applications: OpenApplication[]): string {
  if (applications.length === 0) return '';
  const rows = applications
    .map((app) => {
      const signIn =
        app.next && app.next !== frame.user
          ? `<form method="post" action="/whoami"><input type="hidden" name="email" value="${esc(app.next)}">
<input type="hidden" name="back" value="/gmail"><button type="submit" class="secondary">Masuk sebagai ${esc(app.next)}</button></form>`
          : esc(app.next || '–');
      return `<tr><td>${esc(app.reference)}</td><td>${esc(app.status)}</td><td>${signIn}</td></tr>`;
    })
    .join('');
  return `<h2>Permohonan di register</h2><div class="scroll"><table class="list" data-applications>
<thead><tr><th>Nomor permohonan</th><th>Status</th><th>Giliran berikutnya</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The start page: what each place is for, the walk-through in one paragraph, and whose turn it is. */
export function homePage(frame: Frame, applications: OpenApplication[] = []): string {
  const body = `<h1>Selamat datang</h1>
<div class="card">
  <p>Simulator ini menjalankan program Register Permohonan Sertifikat Elektronik persis seperti di Google, tetapi
  seluruhnya di komputer ini: tidak ada surel yang benar-benar terkirim dan tidak ada data yang keluar.</p>
  <p>Anda sedang masuk sebagai <strong>${esc(frame.user)}</strong>. Gunakan pilihan <em>Masuk sebagai</em> di atas
  untuk berganti peran: Pemohon, Kepala Dinas, Kabid Persandian, Sandiman, Verifikator atau Admin.</p>
</div>
<div class="card"><ol>
  <li><a href="/form">Formulir</a>: Pemohon mengisi formulir permohonan.</li>
  <li><a href="/gmail">Gmail</a>: setiap pejabat membuka surel dan menekan tautan untuk memutuskan.</li>
  <li><a href="/exec">Aplikasi Web</a>: halaman konfirmasi dan keputusan dari program.</li>
  <li><a href="/spreadsheet">Spreadsheet</a>: Register Permohonan, menu khusus dan panel samping.</li>
  <li><a href="/clock">Jam & Eksekusi</a>: majukan waktu untuk pengingat dan eskalasi, lihat log setiap eksekusi.</li>
</ol></div>
${applicationsTable(frame, applications)}`;
  return layout({ title: 'Beranda', section: 'home', frame, body });
}

/** A plain message page (errors, missing setup). */
export function messagePage(frame: Frame, section: SectionKey, title: string, message: string, error = false): string {
  const body = `<h1>${esc(title)}</h1><div class="notice${error ? ' error' : ''}">${esc(message)}</div>`;
  return layout({ title, section, frame, body });
}
