// Sidebar browser code: submits the decision forms through google.script.run and shows the server's answer.

interface ScriptRunner {
  withSuccessHandler(handler: (html: string) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  sidebarDecide(form: HTMLFormElement): void;
}

/** google.script.run as HtmlService provides it in the sidebar's page. */
function scriptRun(): ScriptRunner {
  return (globalThis as unknown as { google: { script: { run: ScriptRunner } } }).google.script.run;
}

/** Shows the server's HTML answer (a result or error section, already escaped on the server) in place of the page. */
function show(html: string): void {
  const main = document.querySelector('main');
  if (main) main.innerHTML = html;
}

function disable(form: HTMLFormElement, busy: boolean): void {
  for (const button of Array.from(form.querySelectorAll('button'))) button.disabled = busy;
}

for (const form of Array.from(document.querySelectorAll<HTMLFormElement>('form[data-script]'))) {
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    disable(form, true);
    scriptRun()
      .withSuccessHandler(show)
      .withFailureHandler((error) => {
        disable(form, false);
        const p = document.createElement('p');
        p.className = 'warn';
        p.textContent = error.message;
        form.appendChild(p);
      })
      .sidebarDecide(form);
  });
}
