// The shell's view of the UI: mails and pages from src/ui, wrapped as HtmlService-ready pages with their titles.
import { ERROR_PAGES, type ErrorKind, PAGE_TEXT } from '../core/messages/pages';
import type { SopDefinition } from '../core/sop';
import type { Application } from '../core/workflow-types';
import { type DecisionPageInput, renderDecisionPage } from '../ui/pages/decision';
import { renderLembarDisposisi } from '../ui/pages/lembar-disposisi';
import { renderErrorPage, renderResultPage, renderVerifyEmailPage } from '../ui/pages/simple';
import { renderStatusPage } from '../ui/pages/status';

export { renderMail } from '../ui/mail/render';
export type { ErrorKind };

/** A page ready for HtmlService: the title goes to setTitle, the HTML to createHtmlOutput. */
export interface Page {
  title: string;
  html: string;
}

export function pageDecision(input: DecisionPageInput): Page {
  return { title: `${PAGE_TEXT.decisionTitle} ${input.app.id}`, html: renderDecisionPage(input) };
}

export function pageVerifyEmail(input: { reference: string; url: string; token: string }): Page {
  return { title: PAGE_TEXT.verifyTitle, html: renderVerifyEmailPage(input) };
}

export function pageStatus(app: Application, sop: SopDefinition): Page {
  return { title: PAGE_TEXT.statusTitle, html: renderStatusPage(app, sop) };
}

export function pageResult(input: { heading: string; message: string; reference: string; statusLabel: string }): Page {
  return { title: input.heading, html: renderResultPage(input) };
}

export function pageError(kind: ErrorKind, detail = ''): Page {
  return { title: ERROR_PAGES[kind].title, html: renderErrorPage(kind, detail) };
}

export function pageDisposition(app: Application, sop: SopDefinition): Page {
  return { title: PAGE_TEXT.disposisi.title, html: renderLembarDisposisi(app, sop) };
}
