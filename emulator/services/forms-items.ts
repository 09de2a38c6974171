// Emulated Forms items: one object per item type over FormItemState, with choices, validation builders and item responses.
import type { ExecutionContext } from '../context';
import type { FormItemState, FormItemType, FormItemValidationState, FormState, ItemResponseState } from '../state';
import { zonedParts } from './display-format';
import { assertFormEditor, formObject } from './forms';
import { getFormState } from './forms-model';
import { wrap } from './spreadsheet-wrap';

type Item = GoogleAppsScript.Forms.Item;

/** Ref: https://developers.google.com/apps-script/reference/forms/item-type — the class a script sees per type. */
export const CLASS_BY_TYPE: Record<FormItemType, string> = {
  TEXT: 'TextItem',
  PARAGRAPH_TEXT: 'ParagraphTextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  LIST: 'ListItem',
  CHECKBOX: 'CheckboxItem',
  DATE: 'DateItem',
  FILE_UPLOAD: 'FileUploadItem',
  SECTION_HEADER: 'SectionHeaderItem',
  PAGE_BREAK: 'PageBreakItem',
};

const validations = new WeakMap<object, FormItemValidationState>();
const itemResponseDrafts = new WeakMap<object, ItemResponseState>();

/** The stored answer behind an ItemResponse a script built with item.createResponse(...). */
export function itemResponseState(itemResponse: GoogleAppsScript.Forms.ItemResponse): ItemResponseState {
  const s = itemResponseDrafts.get(itemResponse as object);
  if (!s) throw new Error('Emulator: not an item response built by this emulator.');
  return s;
}

/** A fresh item of `type` appended to the form (Form.addXItem). */
export function addItem(form: FormState, type: FormItemType, title = ''): FormItemState {
  const item: FormItemState = {
    id: form.nextItemId,
    type,
    title,
    helpText: '',
    required: false,
    choices: [],
    hasOtherOption: false,
    validation: null,
  };
  form.nextItemId += 1;
  form.items.push(item);
  return item;
}

/** An item object: the generic Item (getItems) or the typed class (addXItem, asXItem). */
export function itemObject(ctx: ExecutionContext, formId: string, itemId: number, typed: boolean): Item {
  const form = getFormState(ctx.state, formId);
  const item = form.items.find((i) => i.id === itemId);
  if (!item) throw new Error('Emulator: the item was deleted.');
  const impl = new EmuItem(ctx, formId, itemId);
  const self = wrap<Item>(ctx, 'FormApp', typed ? CLASS_BY_TYPE[item.type] : 'Item', impl);
  impl.self = self;
  return self;
}

/** Ref: ItemResponse (https://developers.google.com/apps-script/reference/forms/item-response). */
export function itemResponseObject(
  ctx: ExecutionContext,
  formId: string,
  response: ItemResponseState,
): GoogleAppsScript.Forms.ItemResponse {
  const copy: ItemResponseState = {
    itemId: response.itemId,
    response: Array.isArray(response.response) ? [...response.response] : response.response,
  };
  const obj = wrap<GoogleAppsScript.Forms.ItemResponse>(ctx, 'FormApp', 'ItemResponse', {
    getItem: () => itemObject(ctx, formId, copy.itemId, false),
    /** Ref: ItemResponse.getResponse — a String, or String[] for checkbox (and file upload: Drive file IDs). */
    getResponse: () => (Array.isArray(copy.response) ? [...copy.response] : copy.response),
    getScore: () => null,
    getFeedback: () => null,
  });
  itemResponseDrafts.set(obj as object, copy);
  return obj;
}

function choiceObject(ctx: ExecutionContext, value: string): GoogleAppsScript.Forms.Choice {
  return wrap<GoogleAppsScript.Forms.Choice>(ctx, 'FormApp', 'Choice', {
    getValue: () => value,
    isCorrectAnswer: () => false,
    getGotoPage: () => null,
    getPageNavigationType: () => 'CONTINUE',
  });
}

function dateText(ctx: ExecutionContext, date: Date): string {
  const p = zonedParts(date, ctx.timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

class EmuItem {
  self!: Item;

  constructor(
    private readonly ctx: ExecutionContext,
    private readonly formId: string,
    private readonly itemId: number,
  ) {}

  private form(): FormState {
    return getFormState(this.ctx.state, this.formId);
  }

  private item(): FormItemState {
    const item = this.form().items.find((i) => i.id === this.itemId);
    if (!item) throw new Error('Emulator: the item was deleted.');
    return item;
  }

  private edit(): FormItemState {
    assertFormEditor(this.ctx, this.form());
    return this.item();
  }

  /** Ref: Item.asTextItem etc. — "throws a scripting exception if the underlying Item is not of that type". */
  private as(type: FormItemType): Item {
    const actual = this.item().type;
    // Open: the wording of the conversion error.
    if (actual !== type) throw new Error(`Invalid conversion for item type: ${actual}.`);
    return itemObject(this.ctx, this.formId, this.itemId, true);
  }

  getId(): number {
    return this.itemId;
  }

  /** Ref: Item.getIndex — 0-based among all items. */
  getIndex(): number {
    return this.form().items.findIndex((i) => i.id === this.itemId);
  }

  getType(): string {
    return this.item().type;
  }

  getTitle(): string {
    return this.item().title;
  }

  setTitle(title: string): Item {
    this.edit().title = title;
    return this.self;
  }

  getHelpText(): string {
    return this.item().helpText;
  }

  setHelpText(text: string): Item {
    this.edit().helpText = text;
    return this.self;
  }

  isRequired(): boolean {
    return this.item().required;
  }

  setRequired(enabled: boolean): Item {
    this.edit().required = enabled;
    return this.self;
  }

  createChoice(value: string): GoogleAppsScript.Forms.Choice {
    return choiceObject(this.ctx, value);
  }

  getChoices(): GoogleAppsScript.Forms.Choice[] {
    return this.item().choices.map((c) => choiceObject(this.ctx, c));
  }

  /** Ref: MultipleChoiceItem.setChoiceValues — "Sets the choices for an item from an array of strings." Open: an empty list throws on Google; wording unconfirmed. */
  setChoiceValues(values: string[]): Item {
    if (values.length === 0) throw new Error('Choices must not be empty.');
    this.edit().choices = values.map(String);
    return this.self;
  }

  setChoices(choices: GoogleAppsScript.Forms.Choice[]): Item {
    return this.setChoiceValues(choices.map((c) => c.getValue()));
  }

  showOtherOption(enabled: boolean): Item {
    this.edit().hasOtherOption = enabled;
    return this.self;
  }

  hasOtherOption(): boolean {
    return this.item().hasOtherOption;
  }

  setValidation(validation: object | null): Item {
    const v = validation === null ? null : validations.get(validation);
    if (validation !== null && !v) throw new Error('Emulator: not a validation built by this emulator.');
    this.edit().validation = v ? { kind: v.kind, args: [...v.args], helpText: v.helpText } : null;
    return this.self;
  }

  clearValidation(): Item {
    this.edit().validation = null;
    return this.self;
  }

  setIncludesYear(_enableYear: boolean): Item {
    this.edit();
    return this.self;
  }

  includesYear(): boolean {
    return true;
  }

  /** Ref: FileUploadItem — scripts cannot create one; getMaxFiles/getMaxFileSize are read-only. */
  getMaxFiles(): number {
    return 1;
  }

  getFolderId(): string {
    return this.ctx.state.rootFolderId;
  }

  duplicate(): Item {
    const form = this.form();
    assertFormEditor(this.ctx, form);
    const src = this.item();
    const copy: FormItemState = { ...src, id: form.nextItemId, choices: [...src.choices] };
    form.nextItemId += 1;
    form.items.splice(this.getIndex() + 1, 0, copy);
    return itemObject(this.ctx, this.formId, copy.id, true);
  }

  /**
   * Ref: TextItem.createResponse(String), CheckboxItem.createResponse(String[]), DateItem.createResponse(Date):
   * an ItemResponse for FormResponse.withItemResponse. Choice values must be among the choices (Open: wording).
   */
  createResponse(value: unknown): GoogleAppsScript.Forms.ItemResponse {
    const item = this.item();
    let response: string | string[];
    if (item.type === 'CHECKBOX') {
      if (!Array.isArray(value)) throw new Error('Invalid response: an array of choices is expected.');
      response = value.map(String);
      if (!item.hasOtherOption && response.some((v) => !item.choices.includes(v))) {
        throw new Error(`Invalid response submitted to item: ${item.title}`);
      }
    } else if (item.type === 'DATE') {
      if (!(value instanceof Date) && Object.prototype.toString.call(value) !== '[object Date]') {
        throw new Error('Invalid response: a Date is expected.');
      }
      response = dateText(this.ctx, value as Date);
    } else if (item.type === 'MULTIPLE_CHOICE' || item.type === 'LIST') {
      response = String(value);
      if (!item.choices.includes(response) && !(item.type === 'MULTIPLE_CHOICE' && item.hasOtherOption)) {
        throw new Error(`Invalid response submitted to item: ${item.title}`);
      }
    } else if (item.type === 'TEXT' || item.type === 'PARAGRAPH_TEXT') {
      response = String(value);
    } else {
      throw new Error(`Emulator: ${CLASS_BY_TYPE[item.type]}.createResponse is not available.`);
    }
    return itemResponseObject(this.ctx, this.formId, { itemId: this.itemId, response });
  }

  asTextItem(): Item {
    return this.as('TEXT');
  }

  asParagraphTextItem(): Item {
    return this.as('PARAGRAPH_TEXT');
  }

  asMultipleChoiceItem(): Item {
    return this.as('MULTIPLE_CHOICE');
  }

  asListItem(): Item {
    return this.as('LIST');
  }

  asCheckboxItem(): Item {
    return this.as('CHECKBOX');
  }

  asDateItem(): Item {
    return this.as('DATE');
  }

  asFileUploadItem(): Item {
    return this.as('FILE_UPLOAD');
  }

  asSectionHeaderItem(): Item {
    return this.as('SECTION_HEADER');
  }

  asPageBreakItem(): Item {
    return this.as('PAGE_BREAK');
  }

  getParent(): GoogleAppsScript.Forms.Form {
    return formObject(this.ctx, this.formId);
  }
}

type RuleMethod = [name: string, kind: string];

const TEXT_RULES: RuleMethod[] = [
  ['requireNumber', 'TEXT_IS_NUMBER'],
  ['requireWholeNumber', 'TEXT_IS_WHOLE_NUMBER'],
  ['requireNumberBetween', 'NUMBER_BETWEEN'],
  ['requireNumberNotBetween', 'NUMBER_NOT_BETWEEN'],
  ['requireNumberEqualTo', 'NUMBER_EQUAL_TO'],
  ['requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO'],
  ['requireNumberGreaterThan', 'NUMBER_GREATER_THAN'],
  ['requireNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO'],
  ['requireNumberLessThan', 'NUMBER_LESS_THAN'],
  ['requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO'],
  ['requireTextIsEmail', 'TEXT_IS_EMAIL'],
  ['requireTextIsUrl', 'TEXT_IS_URL'],
  ['requireTextMatchesPattern', 'TEXT_REGEX_MATCH'],
  ['requireTextDoesNotMatchPattern', 'TEXT_REGEX_NOT_MATCH'],
  ['requireTextContainsPattern', 'TEXT_REGEX_CONTAINS'],
  ['requireTextDoesNotContainPattern', 'TEXT_REGEX_NOT_CONTAINS'],
  ['requireTextLengthLessThanOrEqualTo', 'TEXT_LENGTH_MAX'],
  ['requireTextLengthGreaterThanOrEqualTo', 'TEXT_LENGTH_MIN'],
];

const PARAGRAPH_RULES = TEXT_RULES.filter(
  ([, kind]) => kind.startsWith('TEXT_REGEX') || kind.startsWith('TEXT_LENGTH'),
);

const CHECKBOX_RULES: RuleMethod[] = [
  ['requireSelectAtLeast', 'CHECKBOX_AT_LEAST'],
  ['requireSelectAtMost', 'CHECKBOX_AT_MOST'],
  ['requireSelectExactly', 'CHECKBOX_EXACTLY'],
];

/**
 * A validation builder. Ref: FormApp.createTextValidation / createParagraphTextValidation /
 * createCheckboxValidation (https://developers.google.com/apps-script/reference/forms/text-validation-builder).
 * The last require... call wins, as one rule per item is what the Forms UI holds.
 */
export function validationBuilder(ctx: ExecutionContext, kind: 'text' | 'paragraph' | 'checkbox'): object {
  const draft: FormItemValidationState = { kind: '', args: [], helpText: '' };
  const rules = kind === 'text' ? TEXT_RULES : kind === 'paragraph' ? PARAGRAPH_RULES : CHECKBOX_RULES;
  const className =
    kind === 'text'
      ? 'TextValidationBuilder'
      : kind === 'paragraph'
        ? 'ParagraphTextValidationBuilder'
        : 'CheckboxValidationBuilder';
  let self: object;
  const impl: Record<string, unknown> = {
    setHelpText(text: string) {
      draft.helpText = text;
      return self;
    },
    build() {
      const built = wrap<object>(ctx, 'FormApp', className.replace('Builder', ''), {});
      validations.set(built, { kind: draft.kind, args: [...draft.args], helpText: draft.helpText });
      return built;
    },
  };
  for (const [name, ruleKind] of rules) {
    impl[name] = (...args: (string | number)[]) => {
      draft.kind = ruleKind;
      draft.args = args;
      return self;
    };
  }
  self = wrap<object>(ctx, 'FormApp', className, impl);
  return self;
}
