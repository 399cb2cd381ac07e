<#-- The batch overview as one self-contained HTML page; styling and charts are the partials the
     assessment page uses. Auto-escaped as HTML. -->
<#import "_common.ftl" as c>
<#import "_style.ftl" as style>
<#import "_chart.ftl" as chart>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${footer.tool} ${footer.version}">
<title>${t.overview_title}: ${list}</title>
<@style.styles/>
<style>
svg.histogram { max-width: 28rem; display: inline-block; margin-right: 1rem; vertical-align: top; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; }
.figures figure { margin: 0; }
.figures figcaption { font-weight: 600; margin-bottom: .2rem; }
</style>
</head>
<body>
<header class="report">
  <p class="kicker">${t.overview_title}</p>
  <h1 dir="auto">${list}</h1>
  <p class="place">${summary}. ${t.overview_mean}: <strong>${mean_total}</strong>.<#if gate_failures gt 0> ${t.overview_gate_failures}: ${gate_failures?c}.</#if><#if blank_note?has_content> ${blank_note}</#if></p>
</header>
<main>
<section aria-labelledby="bands">
  <h2 id="bands">${t.overview_bands}</h2>
  <table>
    <thead><tr><th scope="col">${t.band}</th><th scope="col" class="num">${t.overview_count}</th><th scope="col" class="num">${t.share}</th></tr></thead>
    <tbody>
<#list bands as b>
      <tr><th scope="row"><span class="badge band-${b.id}" style="font-size:1rem;min-width:2rem">${b.id}</span> ${b.label}</th><td class="num">${b.count?c}</td><td class="num">${b.share}</td></tr>
</#list>
    </tbody>
  </table>
</section>
<#if group_column?has_content>
<section aria-labelledby="groups">
  <h2 id="groups">${groups_title}</h2>
  <p>${groups_intro}</p>
  <table>
    <thead><tr><th scope="col">${t.overview_group}</th><#list bands as b><th scope="col" class="num">${b.id}</th></#list><th scope="col" class="num">${t.overview_errors}</th><th scope="col" class="num">${t.overview_mean}</th></tr></thead>
    <tbody>
<#list groups as g>
      <tr><th scope="row" dir="auto">${g.name}</th><#list g.bands as n><td class="num">${n?c}</td></#list><td class="num">${g.errors?c}</td><td class="num">${g.mean_total}</td></tr>
</#list>
    </tbody>
  </table>
</section>
</#if>
<section aria-labelledby="failed">
  <h2 id="failed">${t.overview_failed}</h2>
<#if failed?has_content>
  <p>${t.overview_failed_intro}</p>
  <table>
    <thead><tr><th scope="col" class="num">${t.overview_line}</th><th scope="col">id</th><th scope="col">${t.overview_column}</th><th scope="col">${t.overview_message}</th></tr></thead>
    <tbody>
<#list failed as f>
      <tr><td class="num">${f.line?c}</td><td dir="auto">${f.id}</td><td>${f.column}</td><td dir="auto">${f.message}</td></tr>
</#list>
    </tbody>
  </table>
<#if failed_more?has_content>
  <p>${failed_more}</p>
</#if>
<#else>
  <p>${t.overview_failed_none}</p>
</#if>
</section>
<#if below_gate?has_content>
<section aria-labelledby="below-gate">
  <h2 id="below-gate">${t.overview_below_gate}</h2>
  <table>
    <thead><tr><th scope="col" class="num">${t.overview_line}</th><th scope="col">id</th><th scope="col">${t.overview_name}</th><th scope="col" class="num">${t.overview_total}</th><th scope="col">${t.band}</th></tr></thead>
    <tbody>
<#list below_gate as r>
      <tr><td class="num">${r.line?c}</td><td dir="auto">${r.id}</td><td dir="auto">${r.name}</td><td class="num">${r.total}</td><td>${r.band}</td></tr>
</#list>
    </tbody>
  </table>
<#if below_gate_more?has_content>
  <p>${below_gate_more}</p>
</#if>
</section>
</#if>
<section aria-labelledby="distribution">
  <h2 id="distribution">${t.overview_distribution}</h2>
  <p>${c.fill(t.overview_distribution_intro, [floor])}</p>
  <div class="figures">
<#list lessons as l>
    <figure>
      <figcaption>${l.number}. ${l.title}</figcaption>
      <@chart.histogram lesson=l t=t floor=floor/>
    </figure>
</#list>
  </div>
</section>
<section aria-labelledby="ranking">
  <h2 id="ranking">${t.overview_ranking}</h2>
<#list [["top", top, t.overview_top], ["bottom", bottom, t.overview_bottom]] as part>
  <table>
    <caption>${part[2]}</caption>
    <thead><tr><th scope="col" class="num">${t.overview_rank}</th><th scope="col" class="num">${t.overview_row}</th><th scope="col">id</th><th scope="col">${t.overview_name}</th><th scope="col" class="num">${t.overview_total}</th><th scope="col">${t.band}</th></tr></thead>
    <tbody>
<#list part[1] as r>
      <tr><td class="num">${r.rank?c}</td><td class="num">${r.row?c}</td><td dir="auto">${r.id}</td><td dir="auto">${r.name}</td><td class="num">${r.total}</td><td>${r.band}</td></tr>
</#list>
    </tbody>
  </table>
</#list>
</section>
<section aria-labelledby="weaknesses">
  <h2 id="weaknesses">${t.overview_weaknesses}</h2>
<#if weaknesses?has_content>
  <p>${t.overview_weaknesses_intro}</p>
  <ol class="steps">
<#list weaknesses as w>
    <li><strong>${w.title}</strong> (${w.lesson}): ${w.count?c} (${w.share} ${t.overview_share_rows})
      <p class="target">${t.why}: ${w.why}</p>
      <p class="target">${t.overview_needs}: ${w.needs}</p>
<#if w.advice?has_content>
      <p class="advice">${w.advice}</p>
</#if>
    </li>
</#list>
  </ol>
<#else>
  <p>${t.overview_weaknesses_none}</p>
</#if>
</section>
</main>
<footer class="report">
  <p>${c.fill(t.footer, [footer.tool, footer.version, footer.rubric_id, footer.rubric_version, footer.rubric_hash])}<#if footer.config?has_content> ${c.fill(t.config, [footer.config])}</#if></p>
</footer>
</body>
</html>
