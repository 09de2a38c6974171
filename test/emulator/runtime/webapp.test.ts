// Fidelity of the web app: who Session says the visitor is, the doGet/doPost event, HtmlService output, google.script.run.
import { describe, expect, it } from 'vitest';
import { COLLEAGUE, emulate, OUTSIDER, OWNER } from './bundle-fixture';

const CODE = `
function doGet(e) {
  var t = HtmlService.createTemplateFromFile('page');
  t.active = Session.getActiveUser().getEmail();
  t.effective = Session.getEffectiveUser().getEmail();
  t.event = JSON.stringify(e);
  return t.evaluate().setTitle('Register').addMetaTag('viewport', 'width=device-width, initial-scale=1');
}
function greet(name) { return 'Halo ' + name; }
function echo(value) { return value; }
function hidden_() { return 'rahasia'; }
function whoami() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }
function today() { return new Date(); }
`;
const PAGE = `<!DOCTYPE html><html><head><meta name="description" content="ignored"></head><body>
<p id="a"><?= active ?></p><p id="e"><?= effective ?></p><pre><?!= event ?></pre>
<? for (var i = 0; i < 2; i++) { ?><i><?= greet('<' + i + '>') ?></i><? } ?></body></html>`;

function field(content: string, id: string): string {
  return new RegExp(`<p id="${id}">([^<]*)</p>`).exec(content)?.[1] ?? 'missing';
}

describe('Session in a web app executing as the deployer (Ref: docs/reference/apps-script-runtime.md §3 Session.getActiveUser [USER])', () => {
  it("withholds a visitor outside the owner's domain and reveals one inside it; effective user is the owner", () => {
    const emu = emulate(CODE, { html: { page: PAGE } });
    const outside = emu.doGet({ user: OUTSIDER });
    expect(outside.status).toBe(200);
    expect(field(outside.content, 'a')).toBe('');
    expect(field(outside.content, 'e')).toBe(OWNER);
    const inside = emu.doGet({ user: COLLEAGUE });
    expect(field(inside.content, 'a')).toBe(COLLEAGUE);
    expect(field(inside.content, 'e')).toBe(OWNER);
    expect(inside.execution?.user).toBe(OWNER);
  });

  it('executing as the visitor: both users are the visitor; an anonymous visitor is sent to sign in', () => {
    const emu = emulate(CODE, { html: { page: PAGE }, webapp: { executeAs: 'USER_ACCESSING', access: 'ANYONE' } });
    const page = emu.doGet({ user: OUTSIDER });
    expect(field(page.content, 'a')).toBe(OUTSIDER);
    expect(field(page.content, 'e')).toBe(OUTSIDER);
    const anonymous = emu.doGet({ user: '' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.execution).toBeNull();
  });
});

describe('doGet/doPost (Ref: §3 Web apps [WEB])', () => {
  it("passes Google's event shape and serves title, addMetaTag tags and escaped/raw scriptlets", () => {
    const emu = emulate(CODE, { html: { page: PAGE } });
    const none = emu.doGet({ user: COLLEAGUE });
    const bare = JSON.parse(/<pre>([\s\S]*)<\/pre>/.exec(none.content)![1]!);
    expect(bare).toEqual({ queryString: null, contextPath: '', contentLength: -1, parameters: {}, parameter: {} });
    const query = emu.doGet({ user: COLLEAGUE, query: { id: ['7', '8'], q: 'a b' }, pathInfo: 'detail' });
    const event = JSON.parse(/<pre>([\s\S]*)<\/pre>/.exec(query.content)![1]!);
    expect(event).toEqual({
      queryString: 'id=7&id=8&q=a%20b',
      contextPath: '',
      contentLength: -1,
      pathInfo: 'detail',
      parameters: { id: ['7', '8'], q: ['a b'] },
      parameter: { id: '7', q: 'a b' },
    });
    expect(query).toMatchObject({
      kind: 'html',
      title: 'Register',
      metaTags: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    });
    expect(query.content).toContain('<i>Halo &lt;0&gt;</i><i>Halo &lt;1&gt;</i>');
    expect(query.metaTags.map((t) => t.name)).not.toContain('description');
  });

  it('a missing doPost answers 500 with "Script function not found: doPost"; ContentService output is text', () => {
    const emu = emulate(`${CODE} function doPut() {}`, { html: { page: PAGE } });
    const missing = emu.doPost({ user: COLLEAGUE, body: '{}', contentType: 'application/json' });
    expect(missing).toMatchObject({ status: 500, kind: 'error', content: 'Script function not found: doPost' });
    const json = emulate(`function doPost(e) { return ContentService.createTextOutput(JSON.stringify(e.postData))
      .setMimeType(ContentService.MimeType.JSON); }`);
    const reply = json.doPost({ user: COLLEAGUE, body: '{"a":1}', contentType: 'application/json' });
    expect(reply).toMatchObject({ status: 200, kind: 'text', mimeType: 'application/json' });
    expect(JSON.parse(reply.content)).toEqual({
      length: 7,
      type: 'application/json',
      contents: '{"a":1}',
      name: 'postData',
    });
  });

  it('addMetaTag refuses tags Google does not allow', () => {
    const emu = emulate(
      `function doGet() { return HtmlService.createHtmlOutput('x').addMetaTag('description', 'y'); }`,
    );
    expect(emu.doGet({ user: COLLEAGUE }).status).toBe(500);
  });

  it('/dev needs access to the project', () => {
    const emu = emulate(CODE, { html: { page: PAGE }, projectEditors: [COLLEAGUE] });
    expect(emu.doGet({ path: '/dev', user: COLLEAGUE }).status).toBe(200);
    expect(emu.doGet({ path: '/dev', user: OUTSIDER }).status).toBe(403);
  });
});

describe('google.script.run (Ref: §1 HtmlService / google.script.run [COMM][RUN][LIB])', () => {
  it('refuses private functions ending in _ and Date arguments; copies values under the transport rules', () => {
    const emu = emulate(CODE, { html: { page: PAGE } });
    expect(emu.scriptRun('greet', ['Budi'], { user: OUTSIDER })).toEqual({ ok: true, value: 'Halo Budi' });
    const hidden = emu.scriptRun('hidden_', [], { user: OWNER });
    expect(hidden.ok).toBe(false);
    const executionsBefore = emu.executions().length;
    const dated = emu.scriptRun('echo', [new Date()], { user: OUTSIDER });
    expect(dated).toEqual({ ok: false, error: 'Failed due to illegal value in property: 0' });
    expect(emu.executions()).toHaveLength(executionsBefore);
    expect(emu.scriptRun('echo', [{ list: [1, undefined, 'x'], gone: undefined }], { user: OUTSIDER })).toEqual({
      ok: true,
      value: { list: [1, null, 'x'] },
    });
    expect(emu.scriptRun('echo', [() => 1], { user: OUTSIDER }).ok).toBe(false);
    expect(emu.scriptRun('today', [], { user: OUTSIDER }).ok).toBe(false);
  });

  it('runs as the web app user', () => {
    const emu = emulate(CODE, { html: { page: PAGE } });
    expect(emu.scriptRun('whoami', [], { user: OUTSIDER })).toEqual({ ok: true, value: ['', OWNER] });
    expect(emu.scriptRun('whoami', [], { user: COLLEAGUE })).toEqual({ ok: true, value: [COLLEAGUE, OWNER] });
    expect(emu.scriptRun('whoami', [], { user: OUTSIDER, from: 'dialog' })).toEqual({
      ok: true,
      value: [OUTSIDER, OUTSIDER],
    });
  });
});
