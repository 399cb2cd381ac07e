<#-- The advice report as one self-contained HTML page. Auto-escaped as HTML: every ${...} is
     text, never markup. Styling and the chart are partials shared with the batch overview. -->
<#import "_common.ftl" as c>
<#import "_style.ftl" as style>
<#import "_chart.ftl" as chart>
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${footer.tool} ${footer.version}">
<title>${t.title}: ${proposal.name}</title>
<@style.styles/>
</head>
<body>
<header class="report">
  <p class="kicker">${t.title}</p>
  <h1 dir="auto">${proposal.name}</h1>
  <p class="place"><span dir="auto">${proposal.neighbourhood}</span><#if proposal.district?has_content> (${t.district} <span dir="auto">${proposal.district}</span>)</#if>, <span dir="auto">${proposal.municipality}</span></p>
</header>
<main>
<#if example??>
<p class="capped example" role="note"><strong>${t.example_title}</strong> ${c.fill(t.example, [example.untouched?c, example.of?c])}</p>
</#if>
<section aria-labelledby="outcome">
  <h2 id="outcome">${t.at_a_glance}</h2>
  <div class="verdict">
    <span class="badge band-${band.id}" aria-label="${t.band} ${band.id}">${band.id}</span>
    <div>
      <div class="label">${band.label}</div>
      <div class="total">${t.total} <strong>${total}</strong> ${t.out_of} 100</div>
    </div>
  </div>
<#if band.capped>
  <p class="capped">${c.fill(t.capped, [band.uncapped_id, band.uncapped_label, band.lessons_below_floor?join(", "), band.floor])}</p>
</#if>
  <@chart.lesson_chart lessons=lessons band=band t=t total=total/>
  <div class="table-box">
  <table>
    <caption>${t.lessons}</caption>
    <thead><tr><th scope="col">${t.lesson}</th><th scope="col" class="num">${t.score}</th><th scope="col" class="num">${t.share}</th><th scope="col">${t.verdict}</th></tr></thead>
    <tbody>
<#list lessons as l>
      <tr<#if l.below_floor> class="below"</#if>><th scope="row">${l.number}. ${l.title}</th><td class="num">${c.fill(t.points_of, [l.score, l.weight])}</td><td class="num">${l.share}</td><td>${l.verdict}</td></tr>
</#list>
    </tbody>
  </table>
  </div>
</section>
<section aria-labelledby="next-steps">
  <h2 id="next-steps">${t.next_steps}</h2>
<#if next_steps?has_content>
  <p>${t.next_steps_intro}</p>
  <ol class="steps">
<#list next_steps as s>
    <li><strong>${s.title}</strong> (${s.lesson}) <span class="gain">+${s.gain} ${t.gain}</span><#if s.first_because_floor> <em>(${t.floor_first})</em></#if>
      <p class="target" dir="auto">${s.target}</p>
      <p class="advice" dir="auto">${s.advice}</p></li>
</#list>
  </ol>
<#if more_steps == 1>
  <p class="note">${t.next_steps_more_one}</p>
<#elseif more_steps gt 1>
  <p class="note">${c.fill(t.next_steps_more, [more_steps?c])}</p>
</#if>
<#else>
  <p>${t.next_steps_none}</p>
</#if>
</section>
<#list lessons as l>
<section class="lesson" aria-labelledby="lesson-${l.id}">
  <h2 id="lesson-${l.id}">${t.lesson} ${l.number}: ${l.title} <span class="note">(${c.fill(t.points_of, [l.score, l.weight])}, ${l.share})</span></h2>
<#if l.why?has_content>
  <p>${l.why}</p>
</#if>
<#list l.criteria as cr>
  <article class="criterion" id="criterion-${cr.id}">
    <h3><span>${cr.title}</span> <span class="level"><#if cr.waived>${t.waived}<#else>${c.fill(t.level, [cr.level?c])}<span class="meter" aria-hidden="true"><#list 1..4 as i><span<#if i lte cr.level> class="on"</#if>></span></#list></span></#if></span></h3>
    <dl class="facts">
<#if cr.waived>
      <dt>${t.reason}</dt><dd dir="auto">${cr.waiver_reason}</dd>
<#else>
      <dt>${t.points}</dt><dd>${c.fill(t.points_of, [cr.points, cr.weight])}<#if cr.rescaled> (${c.fill(t.contribution, [cr.contribution])})</#if></dd>
<#if cr.measured?has_content>
      <dt>${t.measured}</dt><dd dir="auto">${cr.measured}</dd>
</#if>
      <dt>${t.this_level}</dt><dd>${cr.level_text}<#if cr.cap?has_content><br><em>${cr.cap}</em></#if></dd>
<#if cr.next_level?has_content>
      <dt>${c.fill(t.next_level, [(cr.level + 1)?c])}</dt><dd dir="auto">${cr.next_level}</dd>
</#if>
</#if>
<#if cr.evidence?has_content>
      <dt>${t.read_in}</dt><dd><#list cr.evidence as e>${e.path}<#if e.line gt 0> (${t.line} ${e.line?c})</#if><#sep>, </#list></dd>
</#if>
<#if cr.why?has_content>
      <dt>${t.why}</dt><dd>${cr.why}</dd>
</#if>
    </dl>
<#if cr.advice?has_content>
    <p class="advice" dir="auto"><strong>${t.advice}:</strong> ${cr.advice}</p>
</#if>
  </article>
</#list>
</section>
</#list>
<section aria-labelledby="waivers">
  <h2 id="waivers">${t.waivers}</h2>
<#if waivers?has_content>
  <ul>
<#list waivers as w>
    <li><strong>${w.title}</strong> (${w.lesson}): <span dir="auto">${w.reason}</span>. ${w.effect}</li>
</#list>
  </ul>
<#else>
  <p>${t.waivers_none}</p>
</#if>
</section>
<section aria-labelledby="findings">
  <h2 id="findings">${t.findings}</h2>
<#if warnings?has_content>
  <ul>
<#list warnings as w>
    <li>${t.line} ${w.line?c}: <span dir="auto">${w.message}</span></li>
</#list>
  </ul>
<#else>
  <p>${t.findings_none}</p>
</#if>
  <p class="note">${t.years}: ${years} (${years_from}).</p>
</section>
</main>
<footer class="report">
  <p>${t.how_to_read}</p>
  <p>${c.fill(t.footer, [footer.tool, footer.version, footer.rubric_id, footer.rubric_version, footer.rubric_hash])}<#if footer.config?has_content> ${c.fill(t.config, [footer.config])}</#if></p>
  <p>${t.print_note}</p>
</footer>
</body>
</html>
