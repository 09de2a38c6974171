// Sidebar browser code: submits a decision form through google.script.run.submitDecision and shows the result.

/** What submitDecision returns (src/gas/webapp.ts DecisionResult). */
interface DecisionResult {
  ok: boolean;
  title: string;
  message: string;
  reference: string;
  statusLabel: string;
}

interface ScriptRunner {
  withSuccessHandler(handler: (result: DecisionResult) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  /** Google passes a form element only as the sole parameter, so the token travels in the form's hidden `t` field. */
  submitDecision(form: HTMLFormElement): void;
}

/** google.script.run as HtmlService provides it in the sidebar's page. */
function scriptRun(): ScriptRunner {
  return (globalThis as unknown as { google: { script: { run: ScriptRunner } } }).google.script.run;
}

function paragraph(text: string, className = ''): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

/** Replaces the page with the result, built with textContent only (the server's strings are never parsed as HTML). */
function show(result: DecisionResult): void {
  const main = document.querySelector('main');
  if (!main) return;
  const section = document.createElement('section');
  const heading = document.createElement('h1');
  heading.textContent = result.title;
  section.appendChild(heading);
  section.appendChild(paragraph(result.message, result.ok ? '' : 'warn'));
  if (result.reference) section.appendChild(paragraph(`${result.reference}: ${result.statusLabel}`, 'note'));
  main.replaceChildren(section);
}

function setBusy(form: HTMLFormElement, busy: boolean): void {
  for (const button of Array.from(form.querySelectorAll('button'))) button.disabled = busy;
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-script]'))) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setBusy(form, true);
    scriptRun()
      .withSuccessHandler(show)
      .withFailureHandler((error) => {
        setBusy(form, false);
        form.appendChild(paragraph(error.message, 'warn'));
      })
      .submitDecision(form);
  });
}
