/** The page's stylesheet, inlined into the `<style>` element. Screen first, then print. */
export const STYLE = `
:root {
  --err: #b42318; --err-bg: #fde4e1; --err-line: #d92d20;
  --warn: #8a5a00; --warn-bg: #fff1c2; --warn-line: #dc9b00;
  --info: #175cd3; --info-bg: #e0ecff; --info-line: #2e90fa;
  --ok: #067647; --ok-bg: #dcfae6;
  --ink: #1d2939; --muted: #667085; --rule: #d0d5dd; --panel: #f8f9fb; --accent: #9e1c1c;
  --sans: system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif;
  --serif: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", SimSun, "WenQuanYi Micro Hei", serif;
}
* { box-sizing: border-box; }
html { scroll-behavior: smooth; }
body { margin: 0; font: 15px/1.6 var(--sans); color: var(--ink); background: #fff; }
a { color: #1849a9; }
a:hover { text-decoration: underline; }
.top { background: var(--accent); color: #fff; padding: 18px 32px 14px; }
.top h1 { margin: 0; font-size: 24px; letter-spacing: .04em; }
.top .overview { margin: 4px 0 0; font-size: 16px; }
.top .gen { margin: 2px 0 0; font-size: 12px; opacity: .8; }
main { padding: 8px 32px 48px; max-width: 1480px; margin: 0 auto; }
h2 { font-size: 20px; margin: 24px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h4 { font-size: 14px; margin: 0 0 8px; color: var(--muted); font-weight: 600; }
.glance { display: flex; flex-wrap: wrap; gap: 16px; align-items: stretch; margin-bottom: 16px; }
.glance-main { flex: 1 1 480px; display: flex; flex-direction: column; gap: 12px; min-width: 0; }
.stats { display: grid; grid-template-columns: repeat(5, minmax(92px, 1fr)); gap: 10px; }
.failing { border: 1px solid var(--rule); border-radius: 8px; padding: 8px 12px; flex: 1 1 auto; }
.failing h3 { margin: 0 0 6px; font-size: 13px; color: var(--err); }
.failing ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
.failing li a { display: inline-block; max-width: 30em; padding: 2px 8px; border-radius: 12px; background: var(--err-bg); color: var(--ink); text-decoration: none; font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.failing li a:hover { text-decoration: underline; }
.failing li.more { align-self: center; color: var(--muted); font-size: 13px; }
.failing .idx { color: var(--muted); }
.failing .cnt { color: #fff; background: var(--err-line); border-radius: 8px; padding: 0 6px; font-size: 11px; font-weight: 700; }
p.failing.none { color: var(--ok); font-weight: 600; margin: 0; flex: 0 0 auto; }
.stat { border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; background: var(--panel); display: flex; flex-direction: column; justify-content: center; }
.stat b { font-size: 28px; line-height: 1.2; font-variant-numeric: tabular-nums; }
.stat span { color: var(--muted); font-size: 13px; }
.stat.bad b { color: var(--err); }
.stat.warn b { color: var(--warn); }
.stat.good b { color: var(--ok); }
.chart { margin: 0; border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px; flex: 0 1 440px; background: #fff; }
.chart figcaption { font-size: 13px; color: var(--muted); font-weight: 600; margin-bottom: 4px; }
.chart svg { display: block; width: 100%; height: auto; max-width: 420px; }
.chart text { font: 12px var(--sans); fill: var(--ink); }
.chart .legend text { fill: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin: 8px 0; padding: 8px 12px; background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; font-size: 14px; }
.filters label { display: inline-flex; gap: 6px; align-items: center; }
.filters select, .filters button { font: inherit; padding: 3px 6px; border: 1px solid var(--rule); border-radius: 5px; background: #fff; }
.filters button { cursor: pointer; }
.filters .status { margin-left: auto; color: var(--muted); }
table.summary { width: 100%; border-collapse: collapse; font-size: 14px; }
table.summary th, table.summary td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
table.summary thead th { background: var(--panel); position: sticky; top: 0; z-index: 1; border-bottom: 2px solid var(--rule); white-space: nowrap; }
table.summary th button { font: inherit; font-weight: 600; border: 0; background: none; padding: 0; cursor: pointer; color: inherit; }
table.summary th button::after { content: " ↕"; color: #98a2b3; font-weight: 400; }
table.summary th[aria-sort="ascending"] button::after { content: " ↑"; color: var(--ink); }
table.summary th[aria-sort="descending"] button::after { content: " ↓"; color: var(--ink); }
table.summary td.n { text-align: right; font-variant-numeric: tabular-nums; }
table.summary th.n { text-align: right; }
table.summary td.n.zero { color: #98a2b3; }
table.summary td.c-err:not(.zero) { color: var(--err); font-weight: 700; }
table.summary td.c-warn:not(.zero) { color: var(--warn); font-weight: 700; }
table.summary tbody tr:hover { background: #f2f4f7; }
table.summary tr.fail td:first-child { box-shadow: inset 4px 0 0 var(--err-line); }
table.summary tr.pass td:first-child { box-shadow: inset 4px 0 0 #47cd89; }
table.summary .path, .report .path { color: var(--muted); font-size: 12px; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
table.summary a.name { text-decoration: none; color: var(--ink); }
table.summary a.name strong { font-weight: 700; }
table.summary a.name:hover { text-decoration: underline; color: #1849a9; }
table.summary:not(.filtered) .c-match { display: none; }
.verdict { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 13px; font-weight: 600; white-space: nowrap; }
.verdict.pass { background: var(--ok-bg); color: var(--ok); }
.verdict.fail { background: var(--err-bg); color: var(--err); }
.prob-missing, .prob-empty { color: var(--err); font-weight: 600; }
.prob-present { color: var(--ok); }
.sev { display: inline-block; min-width: 2.6em; text-align: center; padding: 0 5px; border-radius: 4px; font-size: 12px; font-weight: 600; }
.sev.s2 { background: var(--err-bg); color: var(--err); }
.sev.s1 { background: var(--warn-bg); color: var(--warn); }
.sev.s0 { background: var(--info-bg); color: var(--info); }
.report { border: 1px solid var(--rule); border-radius: 10px; margin: 20px 0 28px; overflow: hidden; }
.report > header { padding: 12px 18px; background: var(--panel); border-bottom: 1px solid var(--rule); }
.report.fail > header { box-shadow: inset 5px 0 0 var(--err-line); }
.report.pass > header { box-shadow: inset 5px 0 0 #47cd89; }
.report h3 { margin: 0; font-size: 18px; }
.report h3 .idx { color: var(--muted); font-weight: 400; margin-right: 6px; }
.report .facts { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 6px; font-size: 14px; align-items: center; }
.report .facts .k { color: var(--muted); }
.report-body { display: grid; grid-template-columns: minmax(0, 1.6fr) minmax(300px, 1fr); }
.report-body.clean { grid-template-columns: 1fr; }
.report-body.clean .text-col { border-right: 0; }
details.text-col > summary { cursor: pointer; }
details.text-col > summary h4 { display: inline; }
details.text-col[open] > summary { margin-bottom: 8px; }
.text-col { padding: 14px 18px; border-right: 1px solid var(--rule); min-width: 0; }
.findings-col { padding: 14px 18px; background: #fcfcfd; }
.findings-col .scroll { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; }
.src { font: 16px/1.9 var(--serif); }
.ln { display: flex; gap: 12px; border-radius: 3px; }
.ln .no { flex: 0 0 2.6em; text-align: right; color: #98a2b3; font: 12px/2.5 ui-monospace, Menlo, Consolas, monospace; user-select: none; }
.ln .tx { flex: 1 1 auto; white-space: pre-wrap; word-break: break-word; overflow-wrap: anywhere; min-height: 1.9em; }
.ln.blank .tx { min-height: .8em; line-height: .8; }
.ln.blank .no { visibility: hidden; line-height: .8; }
.ln .md { color: #98a2b3; font-weight: 400; }
.ln.hd .tx { font-family: var(--sans); font-weight: 700; }
.ln:target { background: #fffbe6; }
mark.hl { color: inherit; border-radius: 2px; cursor: pointer; padding: 1px 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
mark.hl.s2 { background: var(--err-bg); border-bottom: 2px solid var(--err-line); }
mark.hl.s1 { background: var(--warn-bg); border-bottom: 2px dashed var(--warn-line); }
mark.hl.s0 { background: var(--info-bg); border-bottom: 2px dotted var(--info-line); }
mark.hl.wide { background: transparent; border-bottom-width: 1px; }
mark.hl.wide.s2 { background: #fff5f4; }
mark.hl.wide.s1 { background: #fffaeb; }
mark.hl.wide.s0 { background: #f3f8ff; }
mark.hl.copy { background: #f1e8ff; border-bottom: 2px solid #9e77ed; }
mark.hl.copy.wide { background: #f8f3ff; border-bottom-width: 1px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: -4px 0 8px; font-size: 12px; color: var(--muted); }
.legend mark.hl { cursor: default; padding: 0 4px; }
.legend mark.hl:hover { outline: 0; }
mark.hl:hover, mark.hl:focus-visible, mark.hl.active { outline: 2px solid #1849a9; outline-offset: 1px; }
mark.hl.dim, a.ref.dim { background: transparent; border-bottom-color: #d0d5dd; }
a.ref { display: inline-block; min-width: 1.5em; margin: 0 1px; padding: 0 3px; border-radius: 8px; font: 700 10px/1.5 var(--sans); text-align: center; vertical-align: super; text-decoration: none; color: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
a.ref.s2 { background: var(--err-line); }
a.ref.s1 { background: var(--warn-line); }
a.ref.s0 { background: var(--info-line); }
a.ref.dim { background: #d0d5dd; }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { from { box-shadow: 0 0 0 4px #fdb022; } to { box-shadow: 0 0 0 4px transparent; } }
.group { margin: 0 0 14px; }
.group h5 { margin: 0 0 4px; font-size: 13px; font-weight: 600; color: var(--ink); padding: 3px 8px; background: #eef2f6; border-radius: 4px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
li.finding { display: grid; grid-template-columns: auto auto 1fr; align-items: start; gap: 2px 8px; padding: 6px 4px; border-bottom: 1px dashed #eaecf0; font-size: 14px; line-height: 1.5; border-radius: 4px; }
li.finding.current { background: #eff4ff; }
li.finding .num { font-weight: 700; text-decoration: none; color: var(--muted); min-width: 1.6em; text-align: right; }
li.finding .msg { grid-column: 3; }
li.finding .meta { grid-column: 3; color: var(--muted); font-size: 12px; }
li.finding .meta code { font: 12px ui-monospace, Menlo, Consolas, monospace; color: #475467; }
li.finding .related { grid-column: 3; font-size: 13px; }
.empty { color: var(--muted); }
.copies { padding: 14px 18px; border-top: 1px solid var(--rule); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; margin-bottom: 12px; }
.pair .sources { display: grid; gap: 8px; align-content: start; }
.pair .side { border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; }
.pair .cap { font-size: 12px; padding: 4px 10px; background: var(--panel); border-bottom: 1px solid var(--rule); color: var(--muted); }
.pair .cap b { color: var(--ink); }
.pair blockquote { margin: 0; padding: 8px 12px; font: 15px/1.8 var(--serif); white-space: pre-wrap; overflow-wrap: anywhere; }
.pair blockquote { color: var(--muted); }
.pair mark.cp { color: var(--ink); background: #fde4e1; border-bottom: 1px solid var(--err-line); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.pair .src-side mark.cp { background: #eceff3; border-bottom-color: #667085; }
.back { margin: 0; padding: 6px 18px 10px; font-size: 13px; text-align: right; }
#pop { position: absolute; z-index: 10; width: min(440px, calc(100vw - 16px)); background: #fff; border: 1px solid #98a2b3; border-radius: 8px; box-shadow: 0 8px 28px rgba(16, 24, 40, .22); padding: 8px 10px 6px; }
#pop[hidden] { display: none; }
#pop .pop-head { display: flex; justify-content: space-between; align-items: center; font-size: 12px; color: var(--muted); }
#pop .pop-close { border: 0; background: none; font-size: 18px; line-height: 1; cursor: pointer; color: var(--muted); padding: 2px 4px; }
#pop ol.findings li.finding { border-bottom: 0; }
@media (max-width: 900px) {
  main, .top { padding-left: 14px; padding-right: 14px; }
  .report-body { grid-template-columns: 1fr; }
  .text-col { border-right: 0; border-bottom: 1px solid var(--rule); }
  .findings-col .scroll { position: static; max-height: none; }
  .pair { grid-template-columns: 1fr; }
  .stats { grid-template-columns: repeat(3, 1fr); }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  html { scroll-behavior: auto; }
  body { font-size: 11pt; }
  .top { background: none; color: var(--ink); padding: 0 0 6pt; border-bottom: 2pt solid var(--accent); }
  .top .gen { opacity: 1; color: var(--muted); }
  main { padding: 0; max-width: none; }
  .filters, #pop, .back, .no-print { display: none !important; }
  a { color: inherit; text-decoration: none; }
  table.summary thead th { position: static; }
  table.summary th button::after { content: none !important; }
  table.summary tr { break-inside: avoid; }
  table.summary thead { display: table-header-group; }
  .glance { break-inside: avoid; }
  .stats { grid-template-columns: repeat(5, 1fr); }
  .report { break-before: page; border: 0; border-radius: 0; margin: 0; overflow: visible; }
  .report > header { background: none; border-bottom: 1.5pt solid var(--ink); padding: 0 0 6pt; box-shadow: none !important; }
  .report-body { display: block; }
  .text-col, .findings-col, .copies { padding: 8pt 0; border: 0; background: none; }
  .findings-col .scroll { position: static; max-height: none; overflow: visible; }
  .src { font-size: 11.5pt; line-height: 1.8; }
  .ln { break-inside: avoid; }
  li.finding, .pair { break-inside: avoid; }
  .pair { grid-template-columns: 1fr 1fr; }
  .stat, .chart, .sev, .verdict, mark.hl, a.ref, .group h5 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
