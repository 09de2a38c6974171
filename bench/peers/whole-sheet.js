// The open-source peers' access pattern, as a comparison bundle: read the whole sheet per event, scan for rows, write cell by cell.
/* global SpreadsheetApp, MailApp, HtmlService, Utilities, LockService */
/*
 * This is what the approval-workflow scripts surveyed in docs/reference/approval-workflow-peers.md do on every event:
 * getDataRange().getValues() of the whole register, a loop to find the row, one setValue per changed cell, an
 * appendRow for the log and a direct MailApp.sendEmail. It runs in the same emulator against the same sheets as
 * the program, so the two are measured on identical data. Plain JavaScript: no build step, no imports.
 */
const REGISTER = 'Register Permohonan';
const AUDIT = 'Jejak Audit';
const OUTBOX = 'Kotak Keluar';
const NEXT = {
  MENUNGGU_VERIFIKASI_EMAIL: 'MENUNGGU_DISPOSISI_KADIS',
  MENUNGGU_DISPOSISI_KADIS: 'DIDISPOSISIKAN_KABID',
  DIDISPOSISIKAN_KABID: 'DITERUSKAN_SANDIMAN',
  DITERUSKAN_SANDIMAN: 'DITERUSKAN_VERIFIKATOR',
  DITERUSKAN_VERIFIKATOR: 'DIAJUKAN_BSRE',
  DIAJUKAN_BSRE: 'AKUN_BSRE_DIKIRIM',
  AKUN_BSRE_DIKIRIM: 'TERVERIFIKASI_BSRE',
  TERVERIFIKASI_BSRE: 'PASSPHRASE_DIATUR',
  PASSPHRASE_DIATUR: 'SERTIFIKAT_TERBIT',
};

function sheet_(name) {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
}

function col_(header, name) {
  return header.indexOf(name);
}

/** The whole register and the row of `id`, found by scanning. */
function find_(id) {
  const sh = sheet_(REGISTER);
  const data = sh.getDataRange().getValues();
  const header = data[0];
  const idCol = col_(header, 'Nomor permohonan');
  for (let r = 1; r < data.length; r++) {
    if (data[r][idCol] === id) return { sheet: sh, data: data, header: header, row: r + 1, values: data[r] };
  }
  return { sheet: sh, data: data, header: header, row: -1, values: null };
}

function log_(id, event, before, after) {
  sheet_(AUDIT).appendRow([new Date().toISOString(), id, event, 'peer', '', before, after, '', '', '']);
}

/** Form submit: whole-sheet read for the duplicate check and the next number, appendRow, mail to the approver. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name
function peerFormSubmit_(answers) {
  const sh = sheet_(REGISTER);
  const data = sh.getDataRange().getValues();
  const header = data[0];
  const emailCol = col_(header, 'Email dinas');
  const codeCol = col_(header, 'Kode status');
  for (let r = 1; r < data.length; r++) {
    if (
      data[r][emailCol] === answers.email &&
      data[r][codeCol] !== 'SERTIFIKAT_TERBIT' &&
      data[r][codeCol] !== 'DITOLAK'
    ) {
      MailApp.sendEmail(answers.email, 'Permohonan ganda', 'Anda masih memiliki permohonan aktif.');
      return 'duplicate';
    }
  }
  const id = `TTE-P-${data.length}`;
  const row = header.map((h) => {
    if (h === 'Nomor permohonan') return id;
    if (h === 'Kode status') return 'MENUNGGU_VERIFIKASI_EMAIL';
    if (h === 'Status') return 'Menunggu verifikasi email';
    if (h === 'Versi') return 1;
    if (h === 'Nama (sesuai KTP)') return answers.name;
    if (h === 'Email dinas') return answers.email;
    if (h === 'Diajukan pada') return new Date();
    return '';
  });
  sh.appendRow(row);
  log_(id, 'Permohonan diterima', '', 'MENUNGGU_VERIFIKASI_EMAIL');
  MailApp.sendEmail(answers.email, `Permohonan diterima ${id}`, `Nomor permohonan Anda: ${id}`);
  return id;
}

/** A decision: whole-sheet read, scan, one setValue per changed cell, a log row, two mails. */
function decide_(id, action) {
  const lock = LockService.getScriptLock();
  lock.waitLock(30000);
  try {
    const found = find_(id);
    if (found.row < 0) return 'Tidak ditemukan';
    const h = found.header;
    const before = found.values[col_(h, 'Kode status')];
    const after = action === 'REJECT' ? 'DITOLAK' : action === 'RETURN' ? 'DIKEMBALIKAN' : NEXT[before] || before;
    const sh = found.sheet;
    sh.getRange(found.row, col_(h, 'Kode status') + 1).setValue(after);
    sh.getRange(found.row, col_(h, 'Status') + 1).setValue(after);
    sh.getRange(found.row, col_(h, 'Versi') + 1).setValue(Number(found.values[col_(h, 'Versi')]) + 1);
    sh.getRange(found.row, col_(h, 'Diperbarui pada') + 1).setValue(new Date());
    sh.getRange(found.row, col_(h, 'Penanggung jawab saat ini') + 1).setValue('peer@bolmongkab.go.id');
    sh.getRange(found.row, col_(h, 'Riwayat (JSON)') + 1).setValue(
      `${String(found.values[col_(h, 'Riwayat (JSON)')])} ${action}`,
    );
    log_(id, action, before, after);
    MailApp.sendEmail(String(found.values[col_(h, 'Email dinas')]), `Status permohonan ${id}`, `Status: ${after}`);
    MailApp.sendEmail('peer@bolmongkab.go.id', `Tindakan diperlukan ${id}`, `Permohonan ${id} menunggu Anda.`);
    return after;
  } finally {
    lock.releaseLock();
  }
}

/** The web app: ?id=&view=status shows the status page; ?id=&action= decides (peers act on GET links). */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name
function doGet(e) {
  const p = e?.parameter || {};
  if (p.view === 'status') {
    const found = find_(p.id);
    const label = found.row < 0 ? 'Tidak ditemukan' : found.values[col_(found.header, 'Status')];
    return HtmlService.createHtmlOutput(`<h1>${p.id}</h1><p>${label}</p>`);
  }
  return HtmlService.createHtmlOutput(`<p>${decide_(p.id, p.action)}</p>`);
}

/** SLA job: whole-sheet read, a reminder per late row (setValue + mail). */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name
function peerSla_() {
  const sh = sheet_(REGISTER);
  const data = sh.getDataRange().getValues();
  const h = data[0];
  const codeCol = col_(h, 'Kode status');
  const updCol = col_(h, 'Diperbarui pada');
  const noteCol = col_(h, 'Waktu tahap (JSON)');
  const now = Date.now();
  let reminded = 0;
  for (let r = 1; r < data.length; r++) {
    const code = data[r][codeCol];
    if (code === 'SERTIFIKAT_TERBIT' || code === 'DITOLAK' || code === 'DATA_TIDAK_VALID') continue;
    const updated = data[r][updCol];
    const late = updated instanceof Date && now - updated.getTime() > 3 * 3600 * 1000;
    if (late && String(data[r][noteCol]).indexOf('remindedAt":"') < 0) {
      sh.getRange(r + 1, noteCol + 1).setValue(String(data[r][noteCol]).replace('remindedAt":null', 'remindedAt":"x"'));
      MailApp.sendEmail('peer@bolmongkab.go.id', 'Pengingat', 'Permohonan terlambat');
      reminded++;
    }
  }
  return reminded;
}

/** Outbox flush: whole-outbox read, per pending row send + setValue. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name
function peerFlush_() {
  const sh = sheet_(OUTBOX);
  const data = sh.getDataRange().getValues();
  const h = data[0];
  const statusCol = col_(h, 'Status');
  let sent = 0;
  for (let r = 1; r < data.length; r++) {
    if (data[r][statusCol] !== 'Menunggu') continue;
    MailApp.sendEmail(
      String(data[r][col_(h, 'Kepada')]),
      String(data[r][col_(h, 'Subjek')]),
      String(data[r][col_(h, 'Isi teks')]),
    );
    sh.getRange(r + 1, statusCol + 1).setValue('Terkirim');
    sent++;
  }
  return sent;
}

/** Audit check: whole-log read, one digest per row. */
// biome-ignore lint/correctness/noUnusedVariables: an Apps Script entry point, called by name
function peerAuditCheck_() {
  const data = sheet_(AUDIT).getDataRange().getValues();
  let prev = '';
  for (let r = 1; r < data.length; r++) {
    const digest = Utilities.computeDigest(
      Utilities.DigestAlgorithm.SHA_256,
      prev + data[r].join('|'),
      Utilities.Charset.UTF_8,
    );
    prev = digest.join(',');
  }
  return data.length - 1;
}
