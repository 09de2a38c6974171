// A tiny stand-in for the emulator's host API, so the simulator's server can be tested on its own (routing, refusals, persistence plumbing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { itemResponses, validateResponse } from '../../emulator/services/forms-model';
import type { EmulatorState, ExecutionRecord, SentMail } from '../../emulator/state';
import type { EmulatorHost, ExecutionResult, HostOptions, WebRequest, WebResponse } from '../../scripts/simulator/host';

/** The fake's web-app address, as ScriptApp.getService().getUrl() would give it. */
export const FAKE_WEB_APP_URL = 'https://script.google.com/macros/s/FAKE-DEPLOYMENT/exec';

function emptyUi(): ExecutionResult['ui'] {
  return { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [] };
}

function initialState(options: HostOptions): EmulatorState {
  const now = new Date(options.start).getTime();
  return {
    version: 1,
    scriptId: 'fake-script',
    owner: options.owner,
    now,
    containerSpreadsheetId: 'ss1',
    spreadsheets: {
      ss1: {
        id: 'ss1',
        name: 'Register Sertifikat Elektronik',
        owner: options.owner,
        timeZone: 'Asia/Makassar',
        sheets: [],
        editors: [],
        viewers: [],
        nextSheetId: 1,
        menus: [],
        namedRanges: {},
      },
    },
    forms: {},
    files: {},
    folders: {},
    rootFolderId: 'root',
    scriptProperties: {},
    userProperties: {},
    documentProperties: {},
    cache: {},
    triggers: [],
    mail: [],
    mailQuota: {},
    executions: [],
    seq: 1,
  };
}

function sheet(name: string, values: (string | number)[][]) {
  return {
    sheetId: 0,
    name,
    values,
    formulas: values.map((row) => row.map(() => '')),
    numberFormats: [],
    frozenRows: 1,
    frozenColumns: 0,
    hidden: false,
    protections: [],
    maxRows: 1000,
    maxColumns: 26,
    columnWidths: {},
    charts: [],
    tabColor: null,
  };
}

function revive(_key: string, value: unknown): unknown {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)
    ? new Date(value)
    : value;
}

/**
 * Builds the fake. It behaves like a tiny program: setup_ creates the Form, the register and a clock trigger; a
 * submission adds a row and mails the Kepala Dinas a link to the web app; google.script.run `decide` records the
 * decision; the menu opens a sidebar. State is saved as JSON in the data file after every execution.
 */
export async function createFakeEmulator(options: HostOptions): Promise<EmulatorHost> {
  const state: EmulatorState =
    !options.reset && existsSync(options.dataFile)
      ? (JSON.parse(readFileSync(options.dataFile, 'utf8'), revive) as EmulatorState)
      : initialState(options);
  const save = () => writeFileSync(options.dataFile, JSON.stringify(state));
  const id = (prefix: string) => `${prefix}${state.seq++}`;
  const register = () => state.spreadsheets.ss1!.sheets.find((entry) => entry.name === 'Register Permohonan');

  function execute(
    functionName: string,
    user: string,
    kind: string,
    body: (result: ExecutionResult) => unknown,
  ): ExecutionResult {
    const result: ExecutionResult = {
      id: id('exec-'),
      functionName,
      user,
      status: 'COMPLETED',
      value: null,
      error: null,
      logs: [],
      ui: emptyUi(),
      mailsSent: [],
    };
    try {
      result.value = body(result);
    } catch (error) {
      result.status = 'FAILED';
      result.error = error instanceof Error ? error.message : String(error);
    }
    const record: ExecutionRecord = {
      id: result.id,
      functionName,
      kind,
      user,
      startedAt: new Date(state.now),
      durationMs: 12,
      status: result.status as ExecutionRecord['status'],
      error: result.error,
      logs: result.logs,
    };
    state.executions.push(record);
    save();
    return result;
  }

  function mail(result: ExecutionResult, to: string, subject: string, htmlBody: string): void {
    const sent: SentMail = {
      id: id('mail-'),
      from: state.owner,
      to,
      cc: '',
      bcc: '',
      replyTo: '',
      subject,
      body: htmlBody.replace(/<[^>]+>/g, ''),
      htmlBody,
      name: 'Register TTE',
      attachments: [],
      sentAt: new Date(state.now),
      via: 'MailApp',
    };
    state.mail.push(sent);
    result.mailsSent.push(sent);
  }

  const functions: Record<string, (result: ExecutionResult, args: unknown[]) => unknown> = {
    setup_: () => {
      state.forms.f1 = {
        id: 'f1',
        title: 'Permohonan Sertifikat Elektronik',
        description: 'Isi dengan data sesuai KTP.',
        owner: state.owner,
        items: [
          {
            id: 1,
            type: 'TEXT',
            title: 'Nama lengkap',
            helpText: 'Tanpa gelar',
            required: true,
            choices: [],
            hasOtherOption: false,
            validation: null,
          },
          {
            id: 2,
            type: 'TEXT',
            title: 'NIP',
            helpText: '18 angka',
            required: true,
            choices: [],
            hasOtherOption: false,
            validation: { kind: 'TEXT_REGEX_MATCH', args: ['\\d{18}'], helpText: 'NIP harus 18 angka' },
          },
          {
            id: 3,
            type: 'MULTIPLE_CHOICE',
            title: 'Layanan',
            helpText: '',
            required: true,
            choices: ['Penerbitan baru', 'Pembaruan'],
            hasOtherOption: false,
            validation: null,
          },
          {
            id: 4,
            type: 'CHECKBOX',
            title: 'Persetujuan',
            helpText: '',
            required: true,
            choices: ['Saya setuju'],
            hasOtherOption: false,
            validation: null,
          },
          {
            id: 5,
            type: 'FILE_UPLOAD',
            title: 'Surat Permohonan',
            helpText: 'PDF',
            required: false,
            choices: [],
            hasOtherOption: false,
            validation: null,
          },
        ],
        responses: [],
        acceptingResponses: true,
        collectEmail: true,
        allowResponseEdits: true,
        limitOneResponsePerUser: false,
        requireLogin: true,
        confirmationMessage: 'Permohonan Anda sudah kami terima.',
        destination: { type: 'SPREADSHEET', id: 'ss1' },
        nextItemId: 6,
      };
      const spreadsheet = state.spreadsheets.ss1!;
      spreadsheet.sheets = [
        sheet('Register Permohonan', [['Nomor permohonan', 'Nama', 'Status']]),
        sheet('Pengaturan', [
          ['Peran', 'Email'],
          ['Kepala Dinas', 'kepala.dinas@bolmongkab.go.id'],
        ]),
      ];
      state.triggers.push({
        uid: 't1',
        handlerFunction: 'remind_',
        eventType: 'CLOCK',
        source: 'CLOCK',
        sourceId: null,
        owner: state.owner,
        schedule: { everyHours: 1 },
        nextRunAt: new Date(state.now + 3_600_000),
      });
      return 'siap';
    },
    remind_: (result) => {
      result.logs.push('pengingat diperiksa');
    },
    openPanel_: (result) => {
      result.ui.sidebars.push({
        title: 'Panel Verifikator',
        html: '<!doctype html><html><head></head><body><p>Panel</p><button onclick="google.script.host.close()">Tutup</button></body></html>',
      });
    },
    onOpen: () => {
      state.spreadsheets.ss1!.menus = [
        {
          caption: 'Register TTE',
          items: [
            { caption: 'Buka panel', functionName: 'openPanel_' },
            { caption: 'Cari permohonan', functionName: 'findApplication_' },
          ],
        },
      ];
    },
    findApplication_: (result) => {
      const request = { kind: 'prompt' as const, title: 'Cari', prompt: 'Nomor permohonan?', buttons: 'OK_CANCEL' };
      result.ui.alerts.push(request);
      const answer = host.uiResponder(request);
      if (answer.button !== 'OK') return null;
      result.ui.sidebars.push({ title: 'Hasil', html: `<p id="found">Dicari: ${answer.text ?? ''}</p>` });
      return answer.text;
    },
    decide: (_result, args) => {
      const row = register()?.values[1];
      if (!row) throw new Error('Permohonan tidak ditemukan');
      row[2] = String(args[0] ?? '');
      return { ok: true, status: row[2] };
    },
    boom: () => {
      throw new Error('Sengaja gagal');
    },
  };

  const host: EmulatorHost = {
    state,
    uiResponder: (request) => ({ button: /YES/.test(request.buttons) ? 'YES' : 'OK', text: '' }),
    run: (name, args = [], opts = {}) =>
      execute(name, opts.user ?? state.owner, opts.kind ?? 'EDITOR', (result) => {
        const fn = functions[name];
        if (!fn) throw new Error(`Script function not found: ${name}`);
        return fn(result, args);
      }),
    openSpreadsheet: (user) =>
      execute('onOpen', user ?? state.owner, 'SIMPLE_TRIGGER', (r) => functions.onOpen!(r, [])),
    menus: () => state.spreadsheets.ss1!.menus,
    runMenuItem: (caption, user) => {
      const item = state.spreadsheets.ss1!.menus.flatMap((menu) => menu.items).find((it) => it.caption === caption);
      if (!item) throw new Error(`no menu item ${caption}`);
      return execute(item.functionName, user ?? state.owner, 'MENU', (r) => functions[item.functionName]!(r, []));
    },
    submitForm: (answers, opts = {}) => {
      const form = state.forms.f1!;
      const all: Record<string, string | string[]> = { ...answers };
      for (const [title, list] of Object.entries(opts.files ?? {})) {
        all[title] = list.map((file) => {
          const fileId = id('file-');
          state.files[fileId] = {
            id: fileId,
            name: file.name,
            mimeType: file.mimeType,
            content: file.content.toString('base64'),
            parents: [],
            owner: form.owner,
            editors: [],
            viewers: [],
            sharing: { access: 'PRIVATE', permission: 'NONE' },
            trashed: false,
            created: new Date(state.now),
            description: '',
          };
          return fileId;
        });
      }
      const errors = validateResponse(state, form, all, opts);
      if (errors.length) throw Object.assign(new Error('refused'), { errors });
      const responseId = id('resp-');
      form.responses.push({
        id: responseId,
        timestamp: new Date(state.now),
        respondentEmail: opts.respondentEmail ?? '',
        items: itemResponses(form, all),
        revision: 1,
      });
      const run = execute('onFormSubmit_', form.owner, 'TRIGGER', (result) => {
        register()!.values.push([
          `TTE-${responseId}`,
          String(answers['Nama lengkap'] ?? ''),
          'Menunggu disposisi Kepala Dinas',
        ]);
        register()!.formulas.push(['', '', '']);
        mail(
          result,
          'kepala.dinas@bolmongkab.go.id',
          'Permohonan baru menunggu disposisi',
          `<p>Ada permohonan baru.</p><p><a href="${FAKE_WEB_APP_URL}?a=decide&amp;id=${responseId}">Buka halaman keputusan</a></p>`,
        );
      });
      return { responseId, executions: [run] };
    },
    editResponse: (responseId, answers, opts = {}) => {
      const form = state.forms.f1!;
      const errors = validateResponse(state, form, answers, { ...opts, responseId });
      if (errors.length) throw Object.assign(new Error('refused'), { errors });
      const stored = form.responses.find((entry) => entry.id === responseId)!;
      stored.items = itemResponses(form, answers);
      stored.revision += 1;
      const run = execute('onFormSubmit_', form.owner, 'TRIGGER', (result) => {
        const row = register()!.values.find((entry) => entry[0] === `TTE-${responseId}`)!;
        row[1] = String(answers['Nama lengkap'] ?? '');
        row[2] = 'Menunggu disposisi Kepala Dinas';
        mail(result, 'pemohon@bolmongkab.go.id', 'Perbaikan diterima', '<p>Perbaikan diterima.</p>');
      });
      return { executions: [run] };
    },
    doGet: (request: WebRequest): WebResponse => {
      const execution = execute('doGet', request.user ?? '', 'WEBAPP', () => null);
      if (request.query?.format === 'json')
        return {
          status: 200,
          kind: 'text',
          title: '',
          metaTags: [],
          content: JSON.stringify({ query: request.query, pathInfo: request.pathInfo ?? '' }),
          mimeType: 'application/json',
          execution,
        };
      return {
        status: 200,
        kind: 'html',
        title: 'Keputusan',
        metaTags: [{ name: 'viewport', content: 'width=device-width' }],
        content: `<!doctype html><html><head><base target="_top"></head><body><h1>Konfirmasi</h1>
<p id="param">${JSON.stringify(request.query ?? {}).replace(/</g, '&lt;')}</p><p id="who">${request.user ?? ''}</p>
<button id="go" onclick="google.script.run.withSuccessHandler(function(v){document.getElementById('out').textContent=v.status}).withFailureHandler(function(e){document.getElementById('out').textContent='galat: '+e.message}).decide('Didisposisikan ke Kabid Persandian')">Disposisikan</button>
<button id="bad" onclick="google.script.run.withFailureHandler(function(e, u){document.getElementById('out').textContent='galat: '+e.message+' '+u}).withUserObject('u1').boom()">Gagal</button>
<p id="out"></p>
<form method="post" action="${FAKE_WEB_APP_URL}" target="_top"><input type="hidden" name="t" value="x"><button id="post">Kirim</button></form>
</body></html>`,
        mimeType: 'text/html',
        execution,
      };
    },
    doPost: (request: WebRequest): WebResponse => {
      const execution = execute('doPost', request.user ?? '', 'WEBAPP', () => null);
      return {
        status: 200,
        kind: 'text',
        title: '',
        metaTags: [],
        content: JSON.stringify({ body: request.body, type: request.contentType, pathInfo: request.pathInfo ?? '' }),
        mimeType: 'application/json',
        execution,
      };
    },
    scriptRun: (name, args, opts) => {
      if (name.endsWith('_')) return { ok: false, error: `Script function not found: ${name}` };
      const run = execute(name, opts.user, 'SCRIPT_RUN', (result) => {
        const fn = functions[name];
        if (!fn) throw new Error(`Script function not found: ${name}`);
        return fn(result, args);
      });
      return run.status === 'COMPLETED' ? { ok: true, value: run.value } : { ok: false, error: run.error ?? '' };
    },
    advanceClock: (minutes) => {
      const target = state.now + minutes * 60_000;
      const runs: ExecutionResult[] = [];
      for (;;) {
        const due = state.triggers
          .filter((trigger) => trigger.nextRunAt && trigger.nextRunAt.getTime() <= target)
          .sort((a, b) => a.nextRunAt!.getTime() - b.nextRunAt!.getTime())[0];
        if (!due?.nextRunAt) break;
        state.now = due.nextRunAt.getTime();
        due.nextRunAt = new Date(state.now + 3_600_000);
        runs.push(execute(due.handlerFunction, due.owner, 'TRIGGER', (r) => functions[due.handlerFunction]!(r, [])));
      }
      state.now = target;
      save();
      return runs;
    },
    now: () => new Date(state.now),
    outbox: () => state.mail,
    executions: () => state.executions,
    sheetValues: (name, ssId = 'ss1') => state.spreadsheets[ssId]!.sheets.find((s) => s.name === name)!.values,
    sheetDisplayValues: (name, ssId = 'ss1') =>
      state.spreadsheets[ssId]!.sheets.find((s) => s.name === name)!.values.map((row) => row.map(String)),
    sheetFormulas: (name, ssId = 'ss1') => state.spreadsheets[ssId]!.sheets.find((s) => s.name === name)!.formulas,
    exportXlsx: async (ssId = 'ss1', names) => {
      const workbook = new ExcelJS.Workbook();
      for (const entry of state.spreadsheets[ssId]!.sheets.filter((s) => !names || names.includes(s.name))) {
        const target = workbook.addWorksheet(entry.name);
        for (const row of entry.values) target.addRow(row);
      }
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },
    close: () => save(),
  };
  return host;
}
