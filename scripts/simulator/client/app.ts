// Browser code for the simulator's own pages: Form submission, sheet tabs and formula bar, closing sidebars and dialogs.

interface SubmitFile {
  name: string;
  mimeType: string;
  contentBase64: string;
}

function autosubmit(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-autosubmit]')) {
    select.addEventListener('change', () => select.form?.requestSubmit());
  }
}

function sheetTabs(): void {
  const tabs = document.querySelectorAll<HTMLAnchorElement>('a[data-tab]');
  for (const tab of tabs) {
    tab.addEventListener('click', (event) => {
      event.preventDefault();
      for (const other of tabs) other.removeAttribute('aria-current');
      tab.setAttribute('aria-current', 'true');
      for (const section of document.querySelectorAll<HTMLElement>('section.sheet')) {
        section.hidden = section.id !== tab.dataset.tab;
      }
      history.replaceState(null, '', tab.href);
    });
  }
  const ref = document.querySelector<HTMLElement>('[data-formula-ref]');
  const text = document.querySelector<HTMLElement>('[data-formula-text]');
  for (const grid of document.querySelectorAll<HTMLTableElement>('table.grid')) {
    grid.addEventListener('click', (event) => {
      const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td[data-ref]');
      if (!cell || !ref || !text) return;
      for (const selected of document.querySelectorAll('td.selected')) selected.classList.remove('selected');
      cell.classList.add('selected');
      ref.textContent = cell.dataset.ref ?? '';
      text.textContent = cell.dataset.formula ?? cell.textContent ?? '';
    });
  }
}

function closePanels(): void {
  for (const panel of document.querySelectorAll('[data-sim-panel]')) panel.remove();
}

function panels(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-sim-close]')) {
    button.addEventListener('click', closePanels);
  }
  window.addEventListener('message', (event: MessageEvent) => {
    if (event.origin !== location.origin) return;
    const data = event.data as { type?: string; height?: number } | null;
    if (data?.type === 'sim-host-close') closePanels();
    if (data?.type === 'sim-host-height' && typeof data.height === 'number') {
      for (const frame of document.querySelectorAll<HTMLIFrameElement>('[data-sim-panel] iframe')) {
        if (frame.contentWindow === event.source) frame.style.height = `${data.height}px`;
      }
    }
  });
}

function readFile(file: File): Promise<SubmitFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve({
        name: file.name,
        mimeType: file.type || 'application/octet-stream',
        contentBase64: url.slice(url.indexOf(',') + 1),
      });
    };
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

async function collect(form: HTMLFormElement): Promise<{
  answers: Record<string, string | string[]>;
  files: Record<string, SubmitFile[]>;
}> {
  const answers: Record<string, string | string[]> = {};
  const files: Record<string, SubmitFile[]> = {};
  for (const card of form.querySelectorAll<HTMLElement>('.question[data-title]')) {
    const title = card.dataset.title ?? '';
    const name = card.dataset.name ?? '';
    const type = card.dataset.type;
    if (type === 'FILE_UPLOAD') {
      const input = card.querySelector<HTMLInputElement>('input[type=file]');
      const picked = input?.files ? Array.from(input.files) : [];
      if (picked.length) files[title] = await Promise.all(picked.map(readFile));
      continue;
    }
    if (type === 'CHECKBOX' || type === 'MULTIPLE_CHOICE') {
      const other = card.querySelector<HTMLInputElement>(`input[name="${name}-other"]`)?.value ?? '';
      const checked = Array.from(card.querySelectorAll<HTMLInputElement>(`input[name="${name}"]:checked`)).map(
        (input) => (input.value === '__other__' ? other : input.value),
      );
      if (type === 'CHECKBOX') answers[title] = checked;
      else if (checked[0] !== undefined) answers[title] = checked[0];
      continue;
    }
    const control = card.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${name}"]`);
    if (control && control.value !== '') answers[title] = control.value;
  }
  return { answers, files };
}

function showErrors(form: HTMLFormElement, fields: Record<string, string>, reasons: string[]): void {
  for (const card of form.querySelectorAll<HTMLElement>('[data-title]')) {
    const reason = fields[card.dataset.title ?? ''];
    const box = card.querySelector<HTMLElement>('.error-text');
    card.classList.toggle('has-error', Boolean(reason));
    if (box) {
      box.hidden = !reason;
      box.textContent = reason ?? '';
    }
  }
  const summary = document.getElementById('form-errors');
  if (summary) {
    summary.hidden = reasons.length === 0;
    summary.textContent = reasons.length ? `Formulir belum dapat dikirim: ${reasons.join('; ')}` : '';
  }
  form.querySelector('.has-error')?.scrollIntoView({ block: 'center' });
}

function intakeForm(): void {
  const form = document.getElementById('gform') as HTMLFormElement | null;
  if (!form) return;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = document.getElementById('form-submit') as HTMLButtonElement | null;
    if (button) button.disabled = true;
    try {
      const payload = await collect(form);
      const editing = form.dataset.editResponse;
      const response = await fetch(editing ? '/api/form-edit' : '/api/form-submit', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...payload, formId: form.dataset.formId, responseId: editing }),
      });
      const result = (await response.json()) as {
        responseId?: string;
        error?: string;
        reasons?: string[];
        fields?: Record<string, string>;
      };
      if (response.ok && result.responseId) {
        location.href = `/form/sent/${encodeURIComponent(result.responseId)}`;
        return;
      }
      showErrors(form, result.fields ?? {}, result.reasons ?? [result.error ?? 'Terjadi kesalahan.']);
    } catch (error) {
      showErrors(form, {}, [String(error)]);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** Moving the clock runs every due trigger one by one, which can take a while: say so and block double clicks. */
function clockForm(): void {
  const form = document.querySelector<HTMLFormElement>('form.clock-form');
  if (!form) return;
  form.addEventListener('submit', () => {
    const note = document.createElement('p');
    note.className = 'notice';
    note.setAttribute('role', 'status');
    note.textContent = 'Menjalankan pemicu yang jatuh tempo… Mohon tunggu.';
    form.appendChild(note);
    setTimeout(() => {
      for (const button of Array.from(form.querySelectorAll('button'))) button.disabled = true;
    }, 0);
  });
}

autosubmit();
clockForm();
sheetTabs();
panels();
intakeForm();
