<#-- The page styling shared by the assessment report and the batch overview: inline, no fonts,
     images or styles fetched from anywhere. Colours keep a contrast of at least 4.5:1. -->
<#macro styles>
<style>
:root { --ink: #1b1f24; --muted: #4a5560; --rule: #c9d1d9; --accent: #0b4f5c; --paper: #ffffff;
        --tint: #f2f5f7; --a: #1d6b3a; --b: #245a8a; --c: #8a4b00; --d: #9b2226; }
* { box-sizing: border-box; }
html { background: var(--tint); }
body { margin: 0 auto; max-width: 58rem; padding: 2rem 2.5rem 3rem; background: var(--paper);
       color: var(--ink); font: 16px/1.55 "Segoe UI", "Helvetica Neue", Arial, sans-serif;
       overflow-wrap: break-word; }
header.report { border-bottom: 3px solid var(--accent); padding-bottom: 1rem; margin-bottom: 1.5rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .8rem; color: var(--muted); margin: 0; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: .3rem 0 .2rem; color: var(--accent); }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; color: var(--accent); border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
p.place { margin: 0; color: var(--muted); }
.verdict { display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; margin: 1rem 0; }
.badge { display: inline-block; min-width: 3.2rem; text-align: center; font-size: 2rem; font-weight: 700;
         color: #fff; border-radius: .4rem; padding: .2rem .7rem; border: 2px solid #000; }
.band-A { background: var(--a); } .band-B { background: var(--b); } .band-C { background: var(--c); } .band-D { background: var(--d); }
.verdict .label { font-size: 1.2rem; font-weight: 600; }
.verdict .total { font-size: 1.05rem; color: var(--muted); }
.capped { background: #fff4e5; border-left: 4px solid var(--c); padding: .6rem .9rem; margin: .8rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; }
.table-box { overflow-x: auto; max-width: 100%; }
.table-box table { margin: 0; }
.table-box { margin: .6rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .3rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .45rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--tint); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.below td { background: #fdecec; }
ol.steps { padding-left: 1.4rem; }
ol.steps li { margin-bottom: .9rem; }
.gain { font-weight: 700; color: var(--a); white-space: nowrap; }
.target { color: var(--muted); margin: .15rem 0; }
.criterion { border: 1px solid var(--rule); border-radius: .4rem; padding: .2rem 1rem .8rem; margin: .8rem 0; }
.criterion h3 { display: flex; justify-content: space-between; gap: 1rem; }
.level { white-space: nowrap; font-weight: 600; color: var(--accent); }
.meter { display: inline-flex; gap: 3px; vertical-align: middle; margin-left: .4rem; }
.meter span { width: .8rem; height: .8rem; border: 1px solid var(--accent); border-radius: 2px; }
.meter span.on { background: var(--accent); }
dl.facts { display: grid; grid-template-columns: 9.5rem 1fr; gap: .25rem .8rem; margin: .4rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; min-width: 0; overflow-wrap: anywhere; }
code { overflow-wrap: anywhere; }
.verdict > div, .criterion h3 > span { min-width: 0; }
.advice { background: #eef6f1; border-left: 4px solid var(--a); padding: .5rem .8rem; margin-top: .6rem; }
code, .path { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: .88em; }
.note { color: var(--muted); font-size: .92rem; }
footer.report { margin-top: 2.5rem; border-top: 1px solid var(--rule); padding-top: .8rem; color: var(--muted); font-size: .85rem; }
svg.chart { width: 100%; height: auto; max-width: 44rem; display: block; margin: .5rem 0 1rem; }
svg.chart .track { fill: #e7ecef; stroke: #6b7780; stroke-width: 1; }
svg.chart .bar { fill: var(--accent); stroke: #000; stroke-width: 1; }
svg.chart .bar.below { fill: var(--d); }
svg.chart .floor { stroke: #000; stroke-width: 2; stroke-dasharray: 6 4; }
svg.chart .line { stroke: #000; stroke-width: 2; }
svg.chart text { font: 13px "Segoe UI", Arial, sans-serif; fill: var(--ink); }
svg.chart text.value { font-weight: 700; }
/* a phone (390 px and up): narrower margins, facts under each other, nothing wider than the screen */
@media (max-width: 40rem) {
  body { padding: 1rem .9rem 2rem; }
  h1 { font-size: 1.5rem; }
  .criterion { padding: .2rem .7rem .7rem; }
  .criterion h3 { flex-wrap: wrap; gap: .3rem 1rem; }
  dl.facts { grid-template-columns: minmax(0, 1fr); gap: 0; }
  dl.facts dt { margin-top: .35rem; }
  th, td { padding: .4rem .3rem; }
}
@media print {
  @page { size: A4; margin: 16mm 15mm 18mm; }
  html, body { background: #fff; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  section.lesson { break-before: page; }
  .criterion, tr, ol.steps li, svg.chart, .verdict { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .badge, .bar, .meter span.on { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
</style>
</#macro>
