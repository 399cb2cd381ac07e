<#-- The advice report in Markdown. Every ${...} is escaped for Markdown automatically. -->
<#import "_common.ftl" as common>
# ${t.title}: ${proposal.name}

${proposal.neighbourhood}<#if proposal.district?has_content> (${t.district} ${proposal.district})</#if>, ${proposal.municipality}

<#if example??>
> **${t.example_title}** ${common.fill(t.example, [example.untouched?c, example.of?c])}

</#if>
## ${t.outcome}

**${t.band} ${band.id}: ${band.label}** · ${t.total} **${total}** ${t.out_of} 100

<#if band.capped>
${common.fill(t.capped, [band.uncapped_id, band.uncapped_label, band.lessons_below_floor?join(", "), band.floor])}

</#if>
| ${t.lesson} | ${t.score} | ${t.share} | ${t.verdict} |
|---|---:|---:|---|
<#list lessons as l>
| ${l.number}. ${l.title} | ${common.fill(t.points_of, [l.score, l.weight])} | ${l.share} | ${l.verdict} |
</#list>

## ${t.next_steps}

<#if next_steps?has_content>
${t.next_steps_intro}

<#list next_steps as s>
${s.number}. **${s.title}** (${s.lesson}): +${s.gain} ${t.gain}<#if s.first_because_floor> (${t.floor_first})</#if>
   - ${s.target}
   - ${s.advice}
</#list>
<#if more_steps == 1>

${t.next_steps_more_one}
<#elseif more_steps gt 1>

${common.fill(t.next_steps_more, [more_steps?c])}
</#if>
<#else>
${t.next_steps_none}
</#if>
<#list lessons as l>

## ${t.lesson} ${l.number}: ${l.title} (${common.fill(t.points_of, [l.score, l.weight])}, ${l.share})

<#if l.why?has_content>
${l.why}

</#if>
<#list l.criteria as c>
### ${c.title}: <#if c.waived>${t.waived}<#else>${common.fill(t.level, [c.level?c])}</#if>

<#if c.waived>
- ${t.reason}: ${c.waiver_reason}
<#else>
- ${t.points}: ${common.fill(t.points_of, [c.points, c.weight])}<#if c.rescaled> (${common.fill(t.contribution, [c.contribution])})</#if>
<#if c.measured?has_content>
- ${t.measured}: ${c.measured}
</#if>
- ${t.this_level}: ${c.level_text}
<#if c.cap?has_content>
- ${c.cap}
</#if>
<#if c.next_level?has_content>
- ${common.fill(t.next_level, [(c.level + 1)?c])}: ${c.next_level}
</#if>
</#if>
<#if c.evidence?has_content>
- ${t.read_in}: <#list c.evidence as e>${e.path}<#if e.line gt 0> (${t.line} ${e.line?c})</#if><#sep>, </#list>
</#if>
<#if c.why?has_content>
- ${t.why}: ${c.why}
</#if>
<#if c.advice?has_content>
- **${t.advice}:** ${c.advice}
</#if>

</#list>
</#list>
## ${t.waivers}

<#if waivers?has_content>
<#list waivers as w>
- **${w.title}** (${w.lesson}): ${w.reason}. ${w.effect}
</#list>
<#else>
${t.waivers_none}
</#if>

## ${t.findings}

<#if warnings?has_content>
<#list warnings as w>
- ${t.line} ${w.line?c}: ${w.message}
</#list>
<#else>
${t.findings_none}
</#if>

${t.years}: ${years} (${years_from}).

---

${t.how_to_read}

${common.fill(t.footer, [footer.tool, footer.version, footer.rubric_id, footer.rubric_version, footer.rubric_hash])}<#if footer.config?has_content> ${common.fill(t.config, [footer.config])}</#if>
