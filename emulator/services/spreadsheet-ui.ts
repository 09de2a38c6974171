// The emulated spreadsheet Ui: custom menus, alerts and prompts answered by the host, sidebars and dialogs recorded.
import type { ExecutionContext } from '../context';
import type { MenuState } from '../state';
import { getSpreadsheetState } from './spreadsheet-model';
import { wrap } from './spreadsheet-wrap';

type Ui = GoogleAppsScript.Base.Ui;

/** Ref: https://developers.google.com/apps-script/reference/base/button */
export const BUTTON = { CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const;
/** Ref: https://developers.google.com/apps-script/reference/base/button-set */
export const BUTTON_SET = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

/**
 * Ref: SpreadsheetApp.getUi — only a script bound to the spreadsheet, run from its UI, has one; triggers and web
 * apps throw "Cannot call SpreadsheetApp.getUi() from this context." (the runtime says so with ctx.uiAvailable).
 */
export function uiObject(ctx: ExecutionContext): Ui {
  if (ctx.activeSpreadsheetId === null || ctx.uiAvailable === false) {
    throw new Error('Cannot call SpreadsheetApp.getUi() from this context.');
  }
  const spreadsheetId = ctx.activeSpreadsheetId;
  const ask = (kind: 'alert' | 'prompt', args: unknown[], fallbackButtons: string) => {
    let title = '';
    let prompt = String(args[0] ?? '');
    let buttons = fallbackButtons;
    if (args.length === 2) buttons = String(args[1]);
    if (args.length >= 3) {
      title = String(args[0] ?? '');
      prompt = String(args[1] ?? '');
      buttons = String(args[2]);
    }
    ctx.ui.alerts.push({ title, prompt, buttons });
    const answer = ctx.uiResponder({ kind, title, prompt, buttons });
    const button = answer.button in BUTTON ? answer.button : 'CLOSE';
    return { button: button as unknown as GoogleAppsScript.Base.Button, text: answer.text ?? '' };
  };
  const impl = {
    Button: BUTTON,
    ButtonSet: BUTTON_SET,
    createMenu: (caption: string) => menuObject(ctx, spreadsheetId, caption),
    createAddonMenu: () => menuObject(ctx, spreadsheetId, 'Add-ons'),
    /** Ref: Ui.alert — returns the button the user clicked. */
    alert: (...args: unknown[]) => ask('alert', args, BUTTON_SET.OK).button,
    /** Ref: Ui.prompt — a PromptResponse with the text typed and the button clicked. */
    prompt: (...args: unknown[]) => {
      const { button, text } = ask('prompt', args, BUTTON_SET.OK);
      return wrap<GoogleAppsScript.Base.PromptResponse>(ctx, 'SpreadsheetApp', 'PromptResponse', {
        getResponseText: () => text,
        getSelectedButton: () => button,
      });
    },
    showSidebar: (output: GoogleAppsScript.HTML.HtmlOutput) => {
      ctx.ui.sidebars.push({ title: output.getTitle(), html: output.getContent() });
    },
    showModalDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => {
      ctx.ui.dialogs.push({ title, html: output.getContent(), modal: true });
    },
    showModelessDialog: (output: GoogleAppsScript.HTML.HtmlOutput, title: string) => {
      ctx.ui.dialogs.push({ title, html: output.getContent(), modal: false });
    },
  };
  return wrap<Ui>(ctx, 'SpreadsheetApp', 'Ui', impl);
}

/**
 * Ref: Ui.createMenu / Menu (https://developers.google.com/apps-script/reference/base/menu). A sub-menu's items are
 * recorded flat under the parent menu (the host finds items by caption); separators are not recorded.
 */
function menuObject(ctx: ExecutionContext, spreadsheetId: string, caption: string): GoogleAppsScript.Base.Menu {
  const menu: MenuState = { caption, items: [] };
  let self: GoogleAppsScript.Base.Menu;
  const impl = {
    addItem(itemCaption: string, functionName: string) {
      menu.items.push({ caption: itemCaption, functionName });
      return self;
    },
    addSeparator() {
      return self;
    },
    addSubMenu(sub: GoogleAppsScript.Base.Menu) {
      const state = subMenus.get(sub as object);
      if (state) menu.items.push(...state.items);
      return self;
    },
    /** Ref: Menu.addToUi — "Inserts the menu into the instance of the editor's user interface." */
    addToUi() {
      const ss = getSpreadsheetState(ctx.state, spreadsheetId);
      const copy: MenuState = { caption: menu.caption, items: menu.items.map((i) => ({ ...i })) };
      ss.menus = [...ss.menus.filter((m) => m.caption !== copy.caption), copy];
      const shown = ctx.ui.menus.findIndex((m) => m.caption === copy.caption);
      if (shown >= 0) ctx.ui.menus.splice(shown, 1);
      ctx.ui.menus.push(copy);
    },
  };
  self = wrap<GoogleAppsScript.Base.Menu>(ctx, 'SpreadsheetApp', 'Menu', impl);
  subMenus.set(self as object, menu);
  return self;
}

const subMenus = new WeakMap<object, MenuState>();
