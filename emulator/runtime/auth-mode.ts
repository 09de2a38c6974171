// AuthMode.LIMITED (simple triggers): the calls that need authorization and are refused there.

const SCOPE_BY_SERVICE: Record<string, string> = {
  MailApp: 'https://www.googleapis.com/auth/script.send_mail',
  GmailApp: 'https://mail.google.com/',
  DriveApp: 'https://www.googleapis.com/auth/drive',
  FormApp: 'https://www.googleapis.com/auth/forms',
};

const SCOPE_BY_METHOD: Record<string, string> = {
  'ScriptApp.ScriptApp.newTrigger': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.ScriptApp.getProjectTriggers': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.ScriptApp.getUserTriggers': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.ScriptApp.deleteTrigger': 'https://www.googleapis.com/auth/script.scriptapp',
  'ScriptApp.ScriptApp.getOAuthToken': 'https://www.googleapis.com/auth/script.scriptapp',
  'SpreadsheetApp.SpreadsheetApp.openById': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.SpreadsheetApp.openByUrl': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.SpreadsheetApp.open': 'https://www.googleapis.com/auth/spreadsheets',
  'SpreadsheetApp.SpreadsheetApp.create': 'https://www.googleapis.com/auth/spreadsheets',
};

/**
 * The refusal for `service`/`method` ('Class.method') in a simple trigger, or null when allowed. Simple triggers
 * "cannot access services that require authorization" (a simple trigger cannot send an email) and may modify only the
 * file they are bound to. Ref: https://developers.google.com/apps-script/guides/triggers#restrictions
 * Open: the exact list of methods Google refuses in LIMITED mode; the emulator refuses the services this program
 * could misuse (mail, Drive, Forms, trigger management, opening other spreadsheets) with the wording users report.
 */
export function limitedModeRefusal(service: string, method: string): string | null {
  const scope = SCOPE_BY_SERVICE[service] ?? SCOPE_BY_METHOD[`${service}.${method}`];
  if (!scope) return null;
  const name = method.slice(method.lastIndexOf('.') + 1);
  return `You do not have permission to call ${service}.${name}. Required permissions: ${scope}`;
}
