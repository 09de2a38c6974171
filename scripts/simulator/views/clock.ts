// The emulated clock with its forward control, the time-driven triggers, and the executions list as Apps Script's Executions page shows it.
import type { ExecutionRecord, TriggerState } from '../../../emulator/state';
import { esc, formatWita } from '../html';
import { type Frame, layout } from './layout';

/** The executions page shows the newest runs only; a day of triggers is a few hundred. */
const SHOWN_EXECUTIONS = 300;

const KIND_LABELS: Record<string, string> = {
  EDITOR: 'Editor',
  MENU: 'Menu',
  TRIGGER: 'Pemicu',
  WEBAPP: 'Aplikasi Web',
  SCRIPT_RUN: 'google.script.run',
  SIMPLE_TRIGGER: 'Pemicu sederhana',
};

const STATUS_LABELS: Record<string, string> = {
  COMPLETED: 'Selesai',
  FAILED: 'Gagal',
  TIMED_OUT: 'Waktu habis',
};

function schedule(trigger: TriggerState): string {
  const s = trigger.schedule;
  if (!s) return trigger.eventType;
  if (s.everyMinutes) return `setiap ${s.everyMinutes} menit`;
  if (s.everyHours) return `setiap ${s.everyHours} jam`;
  if (s.at) return `sekali pada ${formatWita(s.at)}`;
  const hour = s.atHour !== undefined ? ` sekitar pukul ${String(s.atHour).padStart(2, '0')}.00` : '';
  if (s.onWeekDay) return `setiap minggu${hour}`;
  if (s.onMonthDay) return `setiap bulan tanggal ${s.onMonthDay}${hour}`;
  if (s.everyDays) return `setiap ${s.everyDays} hari${hour}`;
  return 'terjadwal';
}

/** The clock and executions screen. `flash` reports what the last advance ran. */
export function clockPage(options: {
  frame: Frame;
  triggers: TriggerState[];
  executions: ExecutionRecord[];
  flash: string;
}): string {
  const triggers = options.triggers
    .map(
      (trigger) => `<tr><td><code>${esc(trigger.handlerFunction)}</code></td><td>${esc(trigger.eventType)}</td>
<td>${esc(schedule(trigger))}</td><td>${trigger.nextRunAt ? esc(formatWita(trigger.nextRunAt)) : '–'}</td><td>${esc(trigger.owner)}</td></tr>`,
    )
    .join('');
  const newest = [...options.executions].reverse().slice(0, SHOWN_EXECUTIONS);
  const hidden = options.executions.length - newest.length;
  const executions = newest
    .map((run) => {
      const details =
        run.logs.length || run.error
          ? `<details><summary>Log (${run.logs.length})</summary>${run.error ? `<pre class="notice error">${esc(run.error)}</pre>` : ''}${run.logs
              .map((line) => `<pre>${esc(line)}</pre>`)
              .join('')}</details>`
          : '';
      return `<tr data-execution="${esc(run.id)}"><td><code>${esc(run.functionName)}</code>${details}</td>
<td>${esc(KIND_LABELS[run.kind] ?? run.kind)}</td><td>${esc(run.user || '(anonim)')}</td>
<td>${esc(formatWita(run.startedAt, false))}</td><td>${(run.durationMs / 1000).toFixed(3)} dtk</td>
<td class="status-${esc(run.status)}">${esc(STATUS_LABELS[run.status] ?? run.status)}</td></tr>`;
    })
    .join('');
  const body = `<h1>Jam & Eksekusi</h1>
${options.flash ? `<div class="notice ok" data-flash>${esc(options.flash)}</div>` : ''}
<div class="card">
<p>Waktu tiruan sekarang: <strong data-clock>${esc(formatWita(options.frame.now))}</strong></p>
<form method="post" action="/clock" class="clock-form">
<p>Majukan waktu (pemicu berbasis waktu yang jatuh tempo dijalankan berurutan):</p>
<p><button name="advanceMinutes" value="10" class="secondary">+10 menit</button>
<button name="advanceMinutes" value="60" class="secondary">+1 jam</button>
<button name="advanceMinutes" value="1440" class="secondary">+1 hari</button>
<label>atau <input type="number" name="minutes" min="1" max="525600" placeholder="menit" style="width:8em"></label>
<button type="submit" name="advanceMinutes" value="custom">Majukan</button></p>
</form></div>
<h2>Pemicu berbasis waktu dan lainnya</h2>
<div class="scroll"><table class="list"><thead><tr><th>Fungsi</th><th>Jenis</th><th>Jadwal</th><th>Berikutnya</th><th>Pemilik</th></tr></thead>
<tbody>${triggers || '<tr><td colspan="5" class="muted">Belum ada pemicu.</td></tr>'}</tbody></table></div>
<h2>Eksekusi (terbaru di atas)</h2>
<div class="scroll"><table class="list" id="executions"><thead><tr><th>Fungsi</th><th>Jenis</th><th>Pengguna</th><th>Mulai</th><th>Durasi</th><th>Status</th></tr></thead>
<tbody>${executions || '<tr><td colspan="6" class="muted">Belum ada eksekusi.</td></tr>'}</tbody></table></div>
${hidden > 0 ? `<p class="hint">${hidden} eksekusi yang lebih lama tidak ditampilkan (semuanya ada di <a href="/api/executions">/api/executions</a>).</p>` : ''}`;
  return layout({ title: 'Jam & Eksekusi', section: 'clock', frame: options.frame, body });
}
