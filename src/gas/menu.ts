// The spreadsheet's custom menu, added by the onOpen simple trigger.
import { SHELL_MESSAGES } from '../core/messages/shell';

/** Menu captions and the entry points they run (every one ends in `_`: the browser must not call them). */
export const MENU_ITEMS: readonly { caption: string; functionName: string }[] = [
  { caption: SHELL_MESSAGES.menu.setup, functionName: 'setup_' },
  { caption: SHELL_MESSAGES.menu.sidebar, functionName: 'openSidebar_' },
  { caption: SHELL_MESSAGES.menu.disposition, functionName: 'openDisposition_' },
  { caption: SHELL_MESSAGES.menu.flushOutbox, functionName: 'flushOutbox_' },
  { caption: SHELL_MESSAGES.menu.verifyAudit, functionName: 'verifyAuditLog_' },
];

/**
 * Adds the "Sertifikat Elektronik" menu. A simple trigger may not open documents by ID, so it only touches the Ui:
 * the menu appears even before setup has run (its first item is setup).
 */
export function addMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu(SHELL_MESSAGES.menu.title);
  MENU_ITEMS.forEach((item, index) => {
    if (index === 1 || index === 3) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
