// The emulated FormApp: forms, items, responses (stored, edited, written to the destination sheet) and the host's submit path.
import type { ExecutionContext } from '../context';
import type { EmulatorState, FormItemState, FormResponseState, FormState, ItemResponseState } from '../state';
import { itemAccess } from './drive-model';
import {
  addItem,
  CLASS_BY_TYPE,
  itemObject,
  itemResponseObject,
  itemResponseState,
  validationBuilder,
} from './forms-items';
import {
  type DestinationRow,
  ensureResponsesSheet,
  getFormState,
  itemResponses,
  QUESTION_TYPES,
  storeResponse,
  validateAnswer,
  validateResponse,
} from './forms-model';
import { nextId, spreadsheetAccess } from './spreadsheet-model';
import { userObject, wrap } from './spreadsheet-wrap';

type Form = GoogleAppsScript.Forms.Form;
type FormResponse = GoogleAppsScript.Forms.FormResponse;

const FORM_MIME = 'application/vnd.google-apps.form';
/** Ref: FormApp.openById on an inaccessible form. Open: the wording (Drive's not-found text). */
const NO_FORM =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** Whether `user` may edit the form: its owner, an editor (directly, by folder or by an edit link). */
function canEditForm(state: EmulatorState, form: FormState, user: string): boolean {
  const access = itemAccess(state, form.id, user);
  return access === 'owner' || access === 'edit';
}

/** Throws unless the effective user may change the form. */
export function assertFormEditor(ctx: ExecutionContext, form: FormState): void {
  if (!canEditForm(ctx.state, form, ctx.users.effective)) throw new Error(NO_FORM);
}

/** A new form owned by `owner`, with its Drive record (host helper and FormApp.create). */
export function createFormState(state: EmulatorState, title: string, owner: string, now: Date): FormState {
  const id = nextId(state, '1fm');
  const form: FormState = {
    id,
    title,
    description: '',
    owner,
    items: [],
    responses: [],
    acceptingResponses: true,
    collectEmail: false,
    allowResponseEdits: false,
    limitOneResponsePerUser: false,
    requireLogin: false,
    confirmationMessage: '',
    destination: null,
    nextItemId: 1_000_001,
  };
  state.forms[id] = form;
  state.files[id] = {
    id,
    name: title,
    mimeType: FORM_MIME,
    content: '',
    parents: state.rootFolderId ? [state.rootFolderId] : [],
    owner,
    editors: [],
    viewers: [],
    sharing: { access: 'PRIVATE', permission: 'NONE' },
    trashed: false,
    created: new Date(now.getTime()),
    description: '',
  };
  return form;
}

/**
 * Adds a file-upload question by hand, as an editor does in the Forms UI: Apps Script has no add method for it
 * (Ref: docs/reference/apps-script-runtime.md §3 FormApp).
 */
export function addFileUploadItem(
  state: EmulatorState,
  formId: string,
  title: string,
  opts: { required?: boolean; helpText?: string } = {},
): FormItemState {
  const item = addItem(getFormState(state, formId), 'FILE_UPLOAD', title);
  item.required = opts.required ?? false;
  item.helpText = opts.helpText ?? '';
  if (state.forms[formId]?.destination) ensureResponsesSheet(state, getFormState(state, formId));
  return item;
}

/**
 * A respondent submits (or, with responseId, edits through the edit URL) a response. Answers are keyed by question
 * title and validated as Google's form UI does; nothing is stored when there are errors. The destination row (if
 * any) is returned for the runtime's spreadsheet onFormSubmit event. No trigger is fired here.
 */
export function recordFormResponse(
  ctx: ExecutionContext,
  formId: string,
  answers: Record<string, string | string[]>,
  opts: { respondentEmail?: string; responseId?: string },
): { response: FormResponseState; destination: DestinationRow | null } | { errors: string[] } {
  const form = getFormState(ctx.state, formId);
  const errors = validateResponse(ctx.state, form, answers, opts);
  if (errors.length > 0) return { errors };
  return storeResponse(ctx, form, itemResponses(form, answers), opts);
}

/** The FormResponse a script sees for a stored response (the form-submit trigger's e.response). */
export function formResponseObject(ctx: ExecutionContext, formId: string, responseId: string): FormResponse {
  const form = getFormState(ctx.state, formId);
  const r = form.responses.find((x) => x.id === responseId);
  if (!r) throw new Error(`No response with ID ${responseId}.`); // Open: Google's wording.
  return responseObject(ctx, formId, r.id, r.items);
}

/** The Form a script sees (the form-submit trigger's e.source), without an access check. */
export function formObject(ctx: ExecutionContext, formId: string): Form {
  getFormState(ctx.state, formId);
  const impl = new EmuForm(ctx, formId);
  const self = wrap<Form>(ctx, 'FormApp', 'Form', impl);
  impl.self = self;
  return self;
}

function publishedUrl(formId: string): string {
  return `https://docs.google.com/forms/d/e/${formId}/viewform`;
}

function responseObject(
  ctx: ExecutionContext,
  formId: string,
  storedId: string | null,
  items: ItemResponseState[],
): FormResponse {
  const draft: ItemResponseState[] = items.map((i) => ({
    itemId: i.itemId,
    response: Array.isArray(i.response) ? [...i.response] : i.response,
  }));
  let id = storedId;
  let self: FormResponse;
  const stored = (): FormResponseState | null =>
    id === null ? null : (getFormState(ctx.state, formId).responses.find((r) => r.id === id) ?? null);
  const ordered = () => {
    const form = getFormState(ctx.state, formId);
    return form.items.flatMap((item) => draft.filter((d) => d.itemId === item.id));
  };
  const impl = {
    /** Ref: FormResponse.getId — null for a response not yet submitted. */
    getId: () => id,
    getTimestamp: () => {
      const r = stored();
      return r ? new Date(r.timestamp.getTime()) : null;
    },
    /** Ref: FormResponse.getRespondentEmail — only when the form collects e-mail addresses. */
    getRespondentEmail: () => (getFormState(ctx.state, formId).collectEmail ? (stored()?.respondentEmail ?? '') : ''),
    getItemResponses: () => ordered().map((d) => itemResponseObject(ctx, formId, d)),
    getGradableItemResponses: () => ordered().map((d) => itemResponseObject(ctx, formId, d)),
    getResponseForItem: (item: GoogleAppsScript.Forms.Item) => {
      const d = draft.find((x) => x.itemId === item.getId());
      return d ? itemResponseObject(ctx, formId, d) : null;
    },
    /**
     * Ref: FormResponse.getEditResponseUrl — null for a response the script created but has not submitted
     * (docs/reference/apps-script-runtime.md §3). Open: Google's token is opaque; the response ID stands in.
     */
    getEditResponseUrl: () => (id === null ? null : `${publishedUrl(formId)}?edit2=${id}`),
    /** Ref: FormResponse.toPrefilledUrl — the published URL with the answers as entry.<itemId> parameters. */
    toPrefilledUrl: () => {
      const params = ordered().flatMap((d) =>
        (Array.isArray(d.response) ? d.response : [d.response]).map(
          (v) => `entry.${d.itemId}=${encodeURIComponent(v)}`,
        ),
      );
      return `${publishedUrl(formId)}?usp=pp_url${params.map((p) => `&${p}`).join('')}`;
    },
    withItemResponse: (itemResponse: GoogleAppsScript.Forms.ItemResponse) => {
      const s = itemResponseState(itemResponse);
      const i = draft.findIndex((d) => d.itemId === s.itemId);
      const copy = { itemId: s.itemId, response: Array.isArray(s.response) ? [...s.response] : s.response };
      if (i >= 0) draft[i] = copy;
      else draft.push(copy);
      return self;
    },
    withItemGrade: () => self,
    /**
     * Ref: FormResponse.submit — stores the response; "Script executions and API requests don't cause triggers to
     * run" (docs/reference/apps-script-runtime.md §3), so nothing fires. Open: whether submit enforces required
     * questions and validations; the conservative choice is that it does (same checks as the form UI).
     */
    submit: () => {
      const form = getFormState(ctx.state, formId);
      const errors: string[] = [];
      for (const item of form.items.filter((i) => QUESTION_TYPES.has(i.type))) {
        const problem = validateAnswer(ctx.state, item, draft.find((d) => d.itemId === item.id)?.response);
        if (problem) errors.push(`${item.title}: ${problem}`);
      }
      if (errors.length > 0) throw new Error(`Invalid response: ${errors.join('; ')}`);
      const result = storeResponse(ctx, form, ordered(), id === null ? {} : { responseId: id });
      id = result.response.id;
      return self;
    },
  };
  self = wrap<FormResponse>(ctx, 'FormApp', 'FormResponse', impl);
  return self;
}

function enumOf<T extends string>(...names: T[]): Record<T, T> {
  return Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>;
}

/** Ref: https://developers.google.com/apps-script/reference/forms/form-app */
export function createFormApp(ctx: ExecutionContext): GoogleAppsScript.Forms.FormApp {
  const open = (id: string): Form => {
    const form = ctx.state.forms[id];
    if (!form || ctx.state.files[id]?.trashed || !canEditForm(ctx.state, form, ctx.users.effective)) {
      throw new Error(NO_FORM);
    }
    return formObject(ctx, id);
  };
  const impl = {
    ItemType: enumOf(...(Object.keys(CLASS_BY_TYPE) as (keyof typeof CLASS_BY_TYPE)[]), 'GRID', 'SCALE', 'TIME'),
    DestinationType: enumOf('SPREADSHEET'),
    Alignment: enumOf('LEFT', 'CENTER', 'RIGHT'),
    PageNavigationType: enumOf('CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'),
    FeedbackType: enumOf('CORRECT', 'INCORRECT', 'GENERAL'),
    /** Ref: FormApp.create(title) — owned by the effective user. */
    create: (title: string) => formObject(ctx, createFormState(ctx.state, title, ctx.users.effective, ctx.now()).id),
    openById: open,
    /** Ref: FormApp.openByUrl — the edit URL (https://docs.google.com/forms/d/<id>/edit) or the published one. */
    openByUrl: (url: string) => {
      const m = /\/forms\/d\/(?:e\/)?([^/?#]+)/.exec(url);
      if (!m?.[1]) throw new Error(NO_FORM);
      return open(m[1]);
    },
    /** Ref: FormApp.getActiveForm — only a form-bound script has one; this runtime binds scripts to spreadsheets. */
    getActiveForm: () => null,
    createTextValidation: () => validationBuilder(ctx, 'text'),
    createParagraphTextValidation: () => validationBuilder(ctx, 'paragraph'),
    createCheckboxValidation: () => validationBuilder(ctx, 'checkbox'),
    getUi: () => {
      throw new Error('Cannot call FormApp.getUi() from this context.');
    },
  };
  return wrap<GoogleAppsScript.Forms.FormApp>(ctx, 'FormApp', 'FormApp', impl);
}

class EmuForm {
  self!: Form;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly formId: string,
  ) {}

  private form(): FormState {
    return getFormState(this.ctx.state, this.formId);
  }

  private edit(): FormState {
    const form = this.form();
    assertFormEditor(this.ctx, form);
    return form;
  }

  private add(type: FormItemState['type']): GoogleAppsScript.Forms.Item {
    const form = this.edit();
    const item = addItem(form, type);
    if (form.destination && QUESTION_TYPES.has(type)) ensureResponsesSheet(this.ctx.state, form);
    return itemObject(this.ctx, this.formId, item.id, true);
  }

  getId(): string {
    return this.formId;
  }

  getTitle(): string {
    return this.form().title;
  }

  setTitle(title: string): Form {
    this.edit().title = title;
    const file = this.ctx.state.files[this.formId];
    if (file) file.name = title;
    return this.self;
  }

  getDescription(): string {
    return this.form().description;
  }

  setDescription(description: string): Form {
    this.edit().description = description;
    return this.self;
  }

  /** Ref: Form.getPublishedUrl — https://docs.google.com/forms/d/e/<id>/viewform (Open: Google's published ID differs). */
  getPublishedUrl(): string {
    return publishedUrl(this.formId);
  }

  getEditUrl(): string {
    return `https://docs.google.com/forms/d/${this.formId}/edit`;
  }

  getSummaryUrl(): string {
    return `https://docs.google.com/forms/d/${this.formId}/viewanalytics`;
  }

  /** Ref: Form.shortenFormUrl — a forms.gle link. Open: the emulated short code is derived from the URL. */
  shortenFormUrl(url: string): string {
    let h = 0;
    for (const ch of url) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return `https://forms.gle/${h.toString(36)}`;
  }

  // Items ---------------------------------------------------------------------------------------------------------

  addTextItem() {
    return this.add('TEXT');
  }

  addParagraphTextItem() {
    return this.add('PARAGRAPH_TEXT');
  }

  addMultipleChoiceItem() {
    return this.add('MULTIPLE_CHOICE');
  }

  addListItem() {
    return this.add('LIST');
  }

  addCheckboxItem() {
    return this.add('CHECKBOX');
  }

  addDateItem() {
    return this.add('DATE');
  }

  addSectionHeaderItem() {
    return this.add('SECTION_HEADER');
  }

  addPageBreakItem() {
    return this.add('PAGE_BREAK');
  }

  /** Ref: Form.getItems(itemType?) — generic Item objects, in order. */
  getItems(itemType?: unknown): GoogleAppsScript.Forms.Item[] {
    return this.form()
      .items.filter((i) => itemType === undefined || i.type === String(itemType))
      .map((i) => itemObject(this.ctx, this.formId, i.id, false));
  }

  getItemById(id: number): GoogleAppsScript.Forms.Item | null {
    return this.form().items.some((i) => i.id === id) ? itemObject(this.ctx, this.formId, id, false) : null;
  }

  /** Ref: Form.deleteItem(index | item). Open: the out-of-range wording. */
  deleteItem(target: number | GoogleAppsScript.Forms.Item): void {
    const form = this.edit();
    const index = typeof target === 'number' ? target : form.items.findIndex((i) => i.id === target.getId());
    if (index < 0 || index >= form.items.length) throw new Error('Item index out of range.');
    form.items.splice(index, 1);
  }

  /** Ref: Form.moveItem(from, to) / moveItem(item, toIndex) — 0-based. */
  moveItem(from: number | GoogleAppsScript.Forms.Item, to: number): GoogleAppsScript.Forms.Item {
    const form = this.edit();
    const index = typeof from === 'number' ? from : form.items.findIndex((i) => i.id === from.getId());
    if (index < 0 || index >= form.items.length || to < 0 || to >= form.items.length) {
      throw new Error('Item index out of range.');
    }
    const [item] = form.items.splice(index, 1);
    form.items.splice(to, 0, item!);
    return itemObject(this.ctx, this.formId, item!.id, false);
  }

  // Settings ------------------------------------------------------------------------------------------------------

  setCollectEmail(collect: boolean): Form {
    this.edit().collectEmail = collect;
    return this.self;
  }

  collectsEmail(): boolean {
    return this.form().collectEmail;
  }

  setRequireLogin(requireLogin: boolean): Form {
    this.edit().requireLogin = requireLogin;
    return this.self;
  }

  requiresLogin(): boolean {
    return this.form().requireLogin;
  }

  setAllowResponseEdits(enabled: boolean): Form {
    this.edit().allowResponseEdits = enabled;
    return this.self;
  }

  canEditResponse(): boolean {
    return this.form().allowResponseEdits;
  }

  setLimitOneResponsePerUser(enabled: boolean): Form {
    this.edit().limitOneResponsePerUser = enabled;
    return this.self;
  }

  hasLimitOneResponsePerUser(): boolean {
    return this.form().limitOneResponsePerUser;
  }

  setAcceptingResponses(enabled: boolean): Form {
    this.edit().acceptingResponses = enabled;
    return this.self;
  }

  isAcceptingResponses(): boolean {
    return this.form().acceptingResponses;
  }

  setConfirmationMessage(message: string): Form {
    this.edit().confirmationMessage = message;
    return this.self;
  }

  getConfirmationMessage(): string {
    return this.form().confirmationMessage;
  }

  /** Presentation settings accepted; Open: not kept in the state (the simulator does not show them). */
  setShowLinkToRespondAgain(_enabled: boolean): Form {
    this.edit();
    return this.self;
  }

  setProgressBar(_enabled: boolean): Form {
    this.edit();
    return this.self;
  }

  setCustomClosedFormMessage(_message: string): Form {
    this.edit();
    return this.self;
  }

  setPublishingSummary(_enabled: boolean): Form {
    this.edit();
    return this.self;
  }

  setShuffleQuestions(_shuffle: boolean): Form {
    this.edit();
    return this.self;
  }

  // Destination ---------------------------------------------------------------------------------------------------

  /**
   * Ref: Form.setDestination(FormApp.DestinationType.SPREADSHEET, id) — the spreadsheet gets a "Form Responses N"
   * sheet at once. The effective user must be able to edit the spreadsheet.
   */
  setDestination(type: unknown, id: string): Form {
    const form = this.edit();
    if (String(type) !== 'SPREADSHEET') throw new Error('Emulator: only SPREADSHEET destinations exist.');
    const ss = this.ctx.state.spreadsheets[id];
    const access = ss ? spreadsheetAccess(this.ctx.state, ss, this.ctx.users.effective) : 'none';
    if (access !== 'owner' && access !== 'edit') {
      throw new Error('You do not have permission to access the requested document.');
    }
    if (form.destination?.id !== id) form.destination = { type: 'SPREADSHEET', id };
    ensureResponsesSheet(this.ctx.state, form);
    return this.self;
  }

  /** Open: Google throws when there is no destination; the wording is unconfirmed. */
  getDestinationId(): string {
    const d = this.form().destination;
    if (!d) throw new Error('Form currently has no response destination.');
    return d.id;
  }

  getDestinationType(): string {
    const d = this.form().destination;
    if (!d) throw new Error('Form currently has no response destination.');
    return d.type;
  }

  removeDestination(): Form {
    this.edit().destination = null;
    return this.self;
  }

  // Responses -----------------------------------------------------------------------------------------------------

  /** Ref: Form.getResponses(timestamp?) — "all responses submitted after a given date and time". */
  getResponses(timestamp?: Date): FormResponse[] {
    const since = timestamp ? timestamp.getTime() : Number.NEGATIVE_INFINITY;
    return this.form()
      .responses.filter((r) => r.timestamp.getTime() >= since)
      .map((r) => responseObject(this.ctx, this.formId, r.id, r.items));
  }

  getResponse(responseId: string): FormResponse {
    return formResponseObject(this.ctx, this.formId, responseId);
  }

  createResponse(): FormResponse {
    return responseObject(this.ctx, this.formId, null, []);
  }

  /** Ref: Form.deleteResponse — removes it from the form; the destination row stays (as on Google). */
  deleteResponse(responseId: string): Form {
    const form = this.edit();
    const i = form.responses.findIndex((r) => r.id === responseId);
    if (i < 0) throw new Error(`No response with ID ${responseId}.`);
    form.responses.splice(i, 1);
    return this.self;
  }

  deleteAllResponses(): Form {
    this.edit().responses = [];
    return this.self;
  }

  // Sharing -------------------------------------------------------------------------------------------------------

  addEditor(user: string | GoogleAppsScript.Base.User): Form {
    return this.addEditors([typeof user === 'string' ? user : user.getEmail()]);
  }

  addEditors(emails: string[]): Form {
    this.edit();
    const file = this.ctx.state.files[this.formId];
    if (file) {
      for (const e of emails) if (!file.editors.some((x) => x.toLowerCase() === e.toLowerCase())) file.editors.push(e);
    }
    return this.self;
  }

  removeEditor(user: string | GoogleAppsScript.Base.User): Form {
    this.edit();
    const email = (typeof user === 'string' ? user : user.getEmail()).toLowerCase();
    const file = this.ctx.state.files[this.formId];
    if (file) file.editors = file.editors.filter((e) => e.toLowerCase() !== email);
    return this.self;
  }

  getEditors(): GoogleAppsScript.Base.User[] {
    const form = this.form();
    const editors = this.ctx.state.files[this.formId]?.editors ?? [];
    return [form.owner, ...editors].map((e) => userObject(this.ctx, 'FormApp', e));
  }
}
