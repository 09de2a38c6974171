// The simulator's stylesheet: plain, readable for office staff, usable at phone width.

/** Served at /static/simulator.css. */
export const STYLES = `
:root { --ink:#202124; --muted:#5f6368; --line:#dadce0; --bg:#f6f8fb; --accent:#1a73e8; --form:#673ab7;
  --sheet:#188038; --mail:#c5221f; --ok:#188038; --bad:#c5221f; font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--ink); font-size:16px; line-height:1.45; }
a { color:var(--accent); }
header.top { background:#fff; border-bottom:1px solid var(--line); position:sticky; top:0; z-index:20; }
.top .bar { display:flex; flex-wrap:wrap; align-items:center; gap:8px 16px; padding:8px 16px; }
.brand { font-weight:600; font-size:17px; margin-right:auto; }
.brand small { display:block; font-weight:400; color:var(--muted); font-size:13px; }
nav.main { display:flex; flex-wrap:wrap; gap:4px; padding:0 12px; border-top:1px solid var(--line); }
nav.main a { padding:10px 12px; text-decoration:none; color:var(--muted); border-bottom:3px solid transparent; font-weight:500; }
nav.main a[aria-current="page"] { color:var(--accent); border-bottom-color:var(--accent); }
form.whoami { display:flex; flex-wrap:wrap; gap:6px; align-items:center; font-size:14px; }
form.whoami select, form.whoami input { font-size:14px; padding:5px 6px; border:1px solid var(--line); border-radius:6px; max-width:260px; }
.clock-chip { font-size:13px; color:var(--muted); background:#eef3fd; padding:4px 10px; border-radius:12px; text-decoration:none; }
main { max-width:1200px; margin:0 auto; padding:16px; }
h1 { font-size:22px; margin:8px 0 12px; overflow-wrap:anywhere; }
h2 { font-size:18px; margin:16px 0 8px; }
.card { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px; margin-bottom:12px; }
.muted { color:var(--muted); }
.hint { color:var(--muted); font-size:14px; }
button, .button { font:inherit; font-size:15px; padding:8px 16px; border-radius:6px; border:1px solid var(--accent);
  background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary, .button.secondary { background:#fff; color:var(--accent); }
.notice { border-left:4px solid var(--accent); background:#eef3fd; padding:10px 14px; border-radius:4px; margin:8px 0; }
.notice.error { border-color:var(--bad); background:#fce8e6; }
.notice.ok { border-color:var(--ok); background:#e6f4ea; }
table.list { width:100%; border-collapse:collapse; background:#fff; }
table.list th, table.list td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; font-size:14px; }
.status-COMPLETED { color:var(--ok); font-weight:600; }
.status-FAILED, .status-TIMED_OUT { color:var(--bad); font-weight:600; }
pre { white-space:pre-wrap; word-break:break-word; font-size:13px; background:#f1f3f4; padding:8px; border-radius:4px; margin:4px 0; }
.scroll { overflow-x:auto; }

/* Form */
.gform { max-width:720px; margin:0 auto; }
.gform .head { border-top:10px solid var(--form); }
.gform .question.has-error { border-color:var(--bad); }
.gform .qtitle { font-weight:500; margin-bottom:4px; }
.gform .req { color:var(--bad); }
.gform .help { color:var(--muted); font-size:14px; margin-bottom:8px; white-space:pre-line; }
.gform input[type=text], .gform input[type=email], .gform input[type=date], .gform textarea, .gform select {
  width:100%; font:inherit; padding:8px; border:1px solid var(--line); border-radius:4px; }
.gform label.choice { display:flex; gap:8px; align-items:flex-start; padding:4px 0; }
.gform .error-text { color:var(--bad); font-size:14px; margin-top:6px; }
.gform .section { border-top:6px solid var(--form); }

/* Spreadsheet */
.menubar { display:flex; flex-wrap:wrap; gap:4px; background:#fff; border:1px solid var(--line); border-radius:6px; padding:4px; margin-bottom:8px; }
.menubar details { position:relative; }
.menubar summary { list-style:none; cursor:pointer; padding:6px 10px; border-radius:4px; font-size:14px; }
.menubar summary::-webkit-details-marker { display:none; }
.menubar details[open] summary, .menubar summary:hover { background:#e8f0fe; }
.menubar .items { position:absolute; z-index:30; background:#fff; border:1px solid var(--line); border-radius:6px;
  box-shadow:0 2px 8px rgba(0,0,0,.15); min-width:240px; padding:4px 0; }
.menubar .items button { display:block; width:100%; text-align:left; background:#fff; color:var(--ink); border:0; border-radius:0; padding:8px 14px; font-size:14px; }
.menubar .items button:hover { background:#f1f3f4; }
.menubar .static { padding:6px 10px; font-size:14px; color:var(--muted); }
.sheet-layout { display:flex; gap:12px; align-items:flex-start; }
.sheet-main { flex:1; min-width:0; }
.formula-bar { display:flex; gap:8px; align-items:center; background:#fff; border:1px solid var(--line); padding:4px 8px; font-size:14px; margin-bottom:4px; }
.formula-bar .ref { min-width:56px; color:var(--muted); border-right:1px solid var(--line); }
.grid-wrap { overflow:auto; max-height:65vh; background:#fff; border:1px solid var(--line); }
table.grid { border-collapse:collapse; font-size:13px; }
table.grid th, table.grid td { border:1px solid #e2e3e3; padding:2px 6px; white-space:nowrap; max-width:320px; overflow:hidden; text-overflow:ellipsis; height:24px; }
table.grid th { background:#f8f9fa; color:var(--muted); font-weight:500; position:sticky; top:0; z-index:2; }
table.grid th.rowhead { position:sticky; left:0; z-index:1; min-width:40px; text-align:center; }
table.grid tr.frozen td { background:#f1f8f4; font-weight:600; }
table.grid td.selected { outline:2px solid var(--accent); outline-offset:-2px; }
.tabs { display:flex; flex-wrap:wrap; gap:2px; margin-top:4px; }
.tabs a { padding:6px 12px; background:#e8eaed; border-radius:0 0 6px 6px; text-decoration:none; color:var(--ink); font-size:14px; }
.tabs a[aria-current="true"] { background:#fff; color:var(--sheet); font-weight:600; box-shadow:inset 0 3px 0 var(--sheet); }
.tabs a.hidden-sheet { opacity:.6; font-style:italic; }
aside.sidebar { width:340px; flex:none; background:#fff; border:1px solid var(--line); border-radius:6px; display:flex; flex-direction:column; }
aside.sidebar .title { display:flex; justify-content:space-between; align-items:center; padding:8px 12px; border-bottom:1px solid var(--line); font-weight:600; }
aside.sidebar iframe { border:0; width:100%; height:70vh; }
.dialog-backdrop { position:fixed; inset:0; background:rgba(0,0,0,.4); display:flex; align-items:center; justify-content:center; z-index:50; padding:12px; }
.dialog { background:#fff; border-radius:8px; width:min(640px, 100%); max-height:90vh; display:flex; flex-direction:column; }
.dialog .title { display:flex; justify-content:space-between; padding:10px 14px; font-weight:600; border-bottom:1px solid var(--line); }
.dialog iframe { border:0; width:100%; height:60vh; }
button.close { background:none; border:0; color:var(--muted); font-size:20px; padding:0 6px; }

/* Gmail */
.mail-layout { display:grid; grid-template-columns: 300px 1fr; gap:12px; }
.mail-list a { display:block; padding:10px 12px; border-bottom:1px solid var(--line); text-decoration:none; color:var(--ink); background:#fff; }
.mail-list a[aria-current="true"] { background:#e8f0fe; }
.mail-list .subject { font-weight:600; }
.mail-list .meta { font-size:13px; color:var(--muted); }
.mail-view iframe { width:100%; min-height:60vh; border:1px solid var(--line); background:#fff; border-radius:4px; }
.mail-head { font-size:14px; }
.mail-head dt { float:left; clear:left; width:70px; color:var(--muted); }
.mail-head dd { margin:0 0 2px 70px; word-break:break-all; }

/* Web app */
.webapp-banner { font-size:13px; color:var(--muted); background:#fff; border:1px solid var(--line); padding:6px 10px; border-radius:6px 6px 0 0; }
.webapp-frame { width:100%; min-height:75vh; border:1px solid var(--line); border-top:0; background:#fff; }

@media (max-width: 760px) {
  main { padding:8px; }
  .sheet-layout { flex-direction:column; }
  aside.sidebar { width:100%; }
  .mail-layout { grid-template-columns: 1fr; }
  .brand { font-size:15px; }
  nav.main a { padding:8px 8px; font-size:14px; }
}
`;
