// The spreadsheet's custom menu, added by the onOpen simple trigger.
import { LIFECYCLE_MENU } from '../core/messages/lifecycle';
import { SHELL_MESSAGES } from '../core/messages/shell';

/** Menu captions and the entry points they run (every one ends in `_`: the browser must not call them). */
export const MENU_ITEMS: readonly { caption: string; functionName: string }[] = [
  { caption: SHELL_MESSAGES.menu.setup, functionName: 'setup_' },
  { caption: SHELL_MESSAGES.menu.sidebar, functionName: 'openSidebar_' },
  { caption: SHELL_MESSAGES.menu.disposition, functionName: 'openDisposition_' },
  { caption: SHELL_MESSAGES.menu.flushOutbox, functionName: 'flushOutbox_' },
  { caption: SHELL_MESSAGES.menu.verifyAudit, functionName: 'verifyAuditLog_' },
  { caption: LIFECYCLE_MENU.suratPermohonan, functionName: 'openSuratPermohonan_' },
  { caption: LIFECYCLE_MENU.refreshDashboard, functionName: 'refreshDashboard_' },
  { caption: LIFECYCLE_MENU.report, functionName: 'generateReport_' },
  { caption: LIFECYCLE_MENU.expiry, functionName: 'checkExpiryNow_' },
];

/**
 * Adds the "Sertifikat Elektronik" menu. A simple trigger may not open documents by ID, so it only touches the Ui:
 * the menu appears even before setup has run (its first item is setup).
 */
export function addMenu(): void {
  const menu = SpreadsheetApp.getUi().createMenu(SHELL_MESSAGES.menu.title);
  MENU_ITEMS.forEach((item, index) => {
    if (index === 1 || index === 3 || index === 5) menu.addSeparator();
    menu.addItem(item.caption, item.functionName);
  });
  menu.addToUi();
}
