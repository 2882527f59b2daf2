/**
 * The HTML export's stylesheet: the app's calm palette on screen (light and dark), and a print
 * layout that is always light, A4 with margins, tables whose rows do not split, drawings kept
 * whole, and headings kept with what follows them.
 */
export const HTML_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--text:#1c1d1f;--text-2:#4a4d52;--muted:#686c73;--border:#e3e3e0;--soft:#f4f4f2;--accent:#3f51d9;--root:#b42318;--root-soft:#fdecea;
--alert:#b42318;--detection:#b35c00;--action:#1f4fbf;--communication:#6d3bbf;--mitigation:#0f6e6e;--resolution:#1a7f47;--note:#6b6f76}
@media screen and (prefers-color-scheme:dark){:root{--bg:#18191c;--text:#e7e8ea;--text-2:#c3c5c9;--muted:#989ba2;--border:#2e3035;--soft:#202226;--accent:#8f9bff;--root:#ff9b91;--root-soft:#3a1f1d;
--alert:#ff9b91;--detection:#f5b56b;--action:#93b4ff;--communication:#c6a6ff;--mitigation:#6fd6d0;--resolution:#72d69a;--note:#b9bcc2}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--text);font:14px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',sans-serif}
body{margin:0}
article{max-width:860px;margin:0 auto;padding:32px 24px 48px}
h1{font-size:24px;margin:2px 0 12px;letter-spacing:-.01em}
h2{font-size:16px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--border);break-after:avoid}
h3{font-size:14px;margin:16px 0 4px;color:var(--text-2);break-after:avoid}
p{margin:0 0 8px}
a{color:var(--accent)}
code{font:12px ui-monospace,'SF Mono',Menlo,Consolas,monospace;word-break:break-all}
.kicker{margin:0;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.06em}
.draft{margin:0 0 16px;padding:8px 12px;border:1px dashed var(--detection);border-radius:6px;color:var(--detection)}
.facts{display:flex;flex-wrap:wrap;gap:6px 28px;margin:0 0 8px}
.facts div,.notes div{display:flex;gap:8px}
dt{color:var(--muted)}
dd{margin:0}
.notes{display:grid;gap:4px;margin:8px 0 0}
.none{color:var(--muted);font-style:italic}
table{width:100%;border-collapse:collapse;font-size:13px;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--border)}
thead th{color:var(--muted);font-weight:500;background:var(--soft)}
tr{break-inside:avoid}
td.time{white-space:nowrap;font-variant-numeric:tabular-nums}
td.by{white-space:nowrap}
.impact{width:auto}
.kind{font-size:12px;font-weight:500}
.k-alert{color:var(--alert);fill:var(--alert)}.k-detection{color:var(--detection);fill:var(--detection)}.k-action{color:var(--action);fill:var(--action)}
.k-communication{color:var(--communication);fill:var(--communication)}.k-mitigation{color:var(--mitigation);fill:var(--mitigation)}.k-resolution{color:var(--resolution);fill:var(--resolution)}.k-note{color:var(--note);fill:var(--note)}
svg{display:block;max-width:100%;height:auto;break-inside:avoid;margin:8px 0}
svg text{font:11px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:var(--text-2)}
.lane{stroke:var(--border);stroke-width:1}
.tick{stroke:var(--border);stroke-dasharray:2 3}
.tick-label,.lane-label{fill:var(--muted)}
.milestone{stroke:var(--text-2);stroke-width:1;stroke-dasharray:4 3}
.milestone-label{font-weight:600}
.dot{fill-opacity:.85}
figure{margin:0;break-inside:avoid}
.node rect{fill:var(--bg);stroke:var(--border);stroke-width:1.2}
.node.k-hypothesis rect{stroke-dasharray:4 3}
.node.root rect{fill:var(--root-soft);stroke:var(--root);stroke-width:1.6}
.node-kind{font-size:9px;letter-spacing:.05em;fill:var(--muted)}
.node.root .node-kind{fill:var(--root)}
.node-text{fill:var(--text)}
.edge{fill:none;stroke:var(--muted);stroke-width:1}
ul{margin:4px 0 8px;padding-left:20px}
.causes li{margin:2px 0}
span.node-kind{font-size:11px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
li.root>span.node-kind{color:var(--root);font-weight:600}
.evidence{color:var(--text-2);font-size:13px}
.votes{color:var(--muted);font-size:12px}
.fed{color:var(--muted);font-size:12px}
footer{margin-top:32px;padding-top:8px;border-top:1px solid var(--border);color:var(--muted);font-size:12px}
@page{size:A4;margin:16mm 14mm}
@media print{html{font-size:11pt;background:#fff;color:#000}article{max-width:none;padding:0}
a{color:inherit;text-decoration:underline}thead{display:table-header-group}section{break-inside:auto}
.draft{border-color:#000;color:#000}}
`.trim();
