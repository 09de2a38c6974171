// The spreadsheet as an editor sees it: custom menus, sheet tabs, a read-only grid with a formula bar, and the sidebar or dialog the program opened.
import type { MenuState, SpreadsheetState } from '../../../emulator/state';
import { columnLetter, esc } from '../html';
import { type Frame, layout } from './layout';

/** One sheet's cells as the grid shows them. */
export interface SheetGrid {
  name: string;
  hidden: boolean;
  frozenRows: number;
  display: string[][];
  formulas: string[][];
  protectedSheet: boolean;
}

/** What the last menu run left on screen. */
export interface UiOutcome {
  functionName: string;
  status: string;
  error: string | null;
  sidebars: { title: string; pageId: string }[];
  dialogs: { title: string; pageId: string; modal: boolean }[];
  alerts: { title: string; prompt: string }[];
  toasts: { title: string; message: string }[];
  /** The menu item that ran, to run it again with the visitor's dialog answers. */
  caption?: string;
  spreadsheetId?: string;
  dialogTurns?: DialogTurnView[];
}

/** A dialog of the run (Ui.alert/prompt) and its answer. */
export interface DialogTurnView {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: { button: string; text?: string };
  fromVisitor: boolean;
}

const BUTTON_LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Batal', YES: 'Ya', NO: 'Tidak', CLOSE: 'Tutup' };

/** The buttons a ButtonSet shows ('OK_CANCEL' -> OK, CANCEL). */
function buttonsOf(set: string): string[] {
  const known = ['YES', 'NO', 'OK', 'CANCEL'].filter((name) => set.toUpperCase().includes(name));
  return known.length ? known : ['OK'];
}

/**
 * The dialogs of the last menu run. Answers the visitor gave are listed; the first prompt nobody answered is shown
 * as a dialog whose buttons run the menu item again with every answer so far (an execution cannot wait for a person).
 */
function dialogTurns(outcome: UiOutcome): string {
  const turns = outcome.dialogTurns ?? [];
  const open = turns.findIndex((turn) => !turn.fromVisitor && turn.kind === 'prompt');
  if (open < 0) return '';
  const turn = turns[open]!;
  const earlier = turns
    .slice(0, open)
    .map(
      (given) =>
        `<input type="hidden" name="answerButton" value="${esc(given.answer.button)}"><input type="hidden" name="answerText" value="${esc(given.answer.text ?? '')}">`,
    )
    .join('');
  const buttons = buttonsOf(turn.buttons)
    .map(
      (button, index) =>
        `<button type="submit" name="answerButton" value="${button}"${index === 0 ? '' : ' class="secondary"'}>${esc(BUTTON_LABELS[button] ?? button)}</button>`,
    )
    .join(' ');
  return `<div class="dialog-backdrop" data-sim-panel role="dialog" aria-modal="true" aria-label="${esc(turn.title)}">
<form class="dialog card" method="post" action="/spreadsheet/menu" data-prompt>
<div class="title"><span>${esc(turn.title)}</span></div>
<div style="padding:12px 14px"><label for="prompt-answer">${esc(turn.prompt)}</label>
<input id="prompt-answer" type="text" name="answerText" autofocus style="width:100%;font:inherit;padding:8px;margin-top:8px">
<input type="hidden" name="caption" value="${esc(outcome.caption ?? '')}"><input type="hidden" name="id" value="${esc(outcome.spreadsheetId ?? '')}">${earlier}
<p class="hint">Simulator: butir menu dijalankan lagi dengan jawaban Anda.</p><p>${buttons}</p></div></form></div>`;
}

function menuBar(spreadsheetId: string, menus: MenuState[]): string {
  const standard = ['File', 'Edit', 'Lihat', 'Sisipkan', 'Format', 'Data', 'Alat', 'Ekstensi', 'Bantuan']
    .map((name) => `<span class="static" aria-hidden="true">${name}</span>`)
    .join('');
  const custom = menus
    .map((menu) => {
      const items = menu.items
        .map(
          (item) =>
            `<button type="submit" name="caption" value="${esc(item.caption)}" data-function="${esc(item.functionName)}">${esc(item.caption)}</button>`,
        )
        .join('');
      return `<details><summary>${esc(menu.caption)} ▾</summary>
<form class="items" method="post" action="/spreadsheet/menu"><input type="hidden" name="id" value="${esc(spreadsheetId)}">${items}</form></details>`;
    })
    .join('');
  return `<div class="menubar" role="menubar">${standard}${custom}</div>`;
}

function grid(spreadsheetId: string, sheet: SheetGrid, index: number, active: boolean): string {
  const width = Math.max(1, ...sheet.display.map((row) => row.length));
  const head = Array.from({ length: width }, (_, column) => `<th scope="col">${columnLetter(column)}</th>`).join('');
  const rows = sheet.display
    .map((row, r) => {
      const cells = Array.from({ length: width }, (_, c) => {
        const text = row[c] ?? '';
        const formula = sheet.formulas[r]?.[c] ?? '';
        const ref = `${columnLetter(c)}${r + 1}`;
        const data = formula ? ` data-formula="${esc(formula)}"` : '';
        return `<td data-ref="${ref}"${data} title="${esc(text)}">${esc(text)}</td>`;
      }).join('');
      const frozen = r < sheet.frozenRows ? ' class="frozen"' : '';
      return `<tr${frozen}><th class="rowhead" scope="row">${r + 1}</th>${cells}</tr>`;
    })
    .join('\n');
  const empty = sheet.display.length === 0 ? '<p class="muted">Lembar ini masih kosong.</p>' : '';
  const lock = sheet.protectedSheet ? ' <span class="muted">(dilindungi)</span>' : '';
  return `<section class="sheet" id="sheet-${index}" data-sheet="${esc(sheet.name)}"${active ? '' : ' hidden'}>
<div class="hint">${esc(sheet.name)}${lock} · ${sheet.display.length} baris ·
<a href="/api/export/${encodeURIComponent(sheet.name)}.xlsx?spreadsheet=${encodeURIComponent(spreadsheetId)}">Unduh .xlsx</a></div>
${empty}<div class="grid-wrap"><table class="grid"><thead><tr><th class="rowhead"></th>${head}</tr></thead><tbody>
${rows}
</tbody></table></div></section>`;
}

function outcomeNotices(outcome: UiOutcome | null): string {
  if (!outcome) return '';
  const parts: string[] = [];
  if (outcome.status !== 'COMPLETED')
    parts.push(
      `<div class="notice error" data-outcome="failed"><strong>${esc(outcome.functionName)}</strong> gagal: ${esc(outcome.error ?? '')}</div>`,
    );
  const turns = outcome.dialogTurns ?? [];
  const dialogs = turns.length
    ? turns.filter((turn) => turn.kind === 'alert' || turn.fromVisitor)
    : outcome.alerts.map((alert) => ({ ...alert, answer: { button: 'OK', text: '' } }));
  for (const shown of dialogs) {
    const typed = shown.answer.text ? ` «${shown.answer.text}»` : '';
    const answer = `${BUTTON_LABELS[shown.answer.button] ?? shown.answer.button}${typed}`;
    parts.push(
      `<div class="notice" data-alert><strong>${esc(shown.title || 'Pesan')}</strong><br>${esc(shown.prompt)}<br><span class="hint">(dijawab: ${esc(answer)})</span></div>`,
    );
  }
  for (const toast of outcome.toasts)
    parts.push(`<div class="notice ok" data-toast><strong>${esc(toast.title)}</strong> ${esc(toast.message)}</div>`);
  return parts.join('');
}

function sidebar(outcome: UiOutcome | null): string {
  const panel = outcome?.sidebars.at(-1);
  if (!panel) return '';
  return `<aside class="sidebar" data-sim-panel aria-label="${esc(panel.title)}">
<div class="title"><span>${esc(panel.title)}</span><button class="close" type="button" data-sim-close aria-label="Tutup">×</button></div>
<iframe src="/__page/${esc(panel.pageId)}" title="${esc(panel.title)}" name="sidebar"></iframe></aside>`;
}

function dialog(outcome: UiOutcome | null): string {
  const box = outcome?.dialogs.at(-1);
  if (!box) return '';
  return `<div class="dialog-backdrop" data-sim-panel role="dialog" aria-modal="${box.modal}" aria-label="${esc(box.title)}">
<div class="dialog"><div class="title"><span>${esc(box.title)}</span><button class="close" type="button" data-sim-close aria-label="Tutup">×</button></div>
<iframe src="/__page/${esc(box.pageId)}" title="${esc(box.title)}" name="dialog"></iframe></div></div>`;
}

/** The spreadsheet screen. */
export function sheetPage(options: {
  frame: Frame;
  spreadsheet: SpreadsheetState;
  others: SpreadsheetState[];
  grids: SheetGrid[];
  menus: MenuState[];
  activeSheet: string;
  outcome: UiOutcome | null;
}): string {
  const { spreadsheet, grids } = options;
  const activeIndex = Math.max(
    0,
    grids.findIndex((sheet) => sheet.name === options.activeSheet),
  );
  const tabs = grids
    .map((sheet, index) => {
      const current = index === activeIndex ? ' aria-current="true"' : '';
      const hidden = sheet.hidden ? ' class="hidden-sheet" title="Lembar tersembunyi"' : '';
      return `<a href="?id=${encodeURIComponent(spreadsheet.id)}&amp;sheet=${encodeURIComponent(sheet.name)}" data-tab="sheet-${index}"${current}${hidden}>${esc(sheet.name)}</a>`;
    })
    .join('');
  const switcher =
    options.others.length > 1
      ? `<form method="get" action="/spreadsheet" class="hint">File lain:
<select name="id" data-autosubmit>${options.others
          .map(
            (other) =>
              `<option value="${esc(other.id)}"${other.id === spreadsheet.id ? ' selected' : ''}>${esc(other.name)}</option>`,
          )
          .join('')}</select> <noscript><button>Buka</button></noscript></form>`
      : '';
  const body = `<h1>${esc(spreadsheet.name)}</h1>
${switcher}
${menuBar(spreadsheet.id, options.menus)}
${outcomeNotices(options.outcome)}
<div class="sheet-layout">
<div class="sheet-main">
<div class="formula-bar"><span class="ref" data-formula-ref>A1</span><span>ƒx</span><span data-formula-text></span></div>
${grids.map((sheet, index) => grid(spreadsheet.id, sheet, index, index === activeIndex)).join('\n')}
<nav class="tabs" aria-label="Lembar">${tabs}</nav>
</div>
${sidebar(options.outcome)}
</div>
${dialog(options.outcome)}
${options.outcome ? dialogTurns(options.outcome) : ''}`;
  return layout({ title: spreadsheet.name, section: 'sheet', frame: options.frame, body });
}

/** Google's "you need access" page. */
export function noAccessPage(frame: Frame, name: string): string {
  const body = `<h1>Anda memerlukan akses</h1><div class="notice error">Akun <strong>${esc(frame.user)}</strong> tidak
memiliki akses ke <strong>${esc(name)}</strong>. Minta akses kepada pemiliknya, atau masuk dengan akun lain.</div>`;
  return layout({ title: 'Perlu akses', section: 'sheet', frame, body });
}
