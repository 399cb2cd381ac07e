<#-- The batch overview in Markdown. Every ${...} is escaped for Markdown automatically. -->
<#import "_common.ftl" as c>
# ${t.overview_title}: ${list}

${summary}. ${t.overview_mean}: **${mean_total}**.<#if gate_failures gt 0> ${t.overview_gate_failures}: ${gate_failures?c}.</#if><#if blank_note?has_content> ${blank_note}</#if>

## ${t.overview_bands}

| ${t.band} | ${t.overview_count} | ${t.share} |
|---|---:|---:|
<#list bands as b>
| ${b.id}: ${b.label} | ${b.count?c} | ${b.share} |
</#list>

<#if group_column?has_content>
## ${groups_title}

${groups_intro}

| ${t.overview_group} | <#list bands as b>${b.id}<#sep> | </#list> | ${t.overview_errors} | ${t.overview_mean} |
|---|<#list bands as b>---:|</#list>---:|---:|
<#list groups as g>
| ${g.name} | <#list g.bands as n>${n?c}<#sep> | </#list> | ${g.errors?c} | ${g.mean_total} |
</#list>

</#if>
## ${t.overview_failed}

<#if failed?has_content>
${t.overview_failed_intro}

| ${t.overview_line} | id | ${t.overview_column} | ${t.overview_message} |
|---:|---|---|---|
<#list failed as f>
| ${f.line?c} | ${f.id} | ${f.column} | ${f.message} |
</#list>
<#if failed_more?has_content>

${failed_more}
</#if>
<#else>
${t.overview_failed_none}
</#if>

<#if below_gate?has_content>
## ${t.overview_below_gate}

| ${t.overview_line} | id | ${t.overview_name} | ${t.overview_total} | ${t.band} |
|---:|---|---|---:|---|
<#list below_gate as r>
| ${r.line?c} | ${r.id} | ${r.name} | ${r.total} | ${r.band} |
</#list>
<#if below_gate_more?has_content>

${below_gate_more}
</#if>

</#if>
## ${t.overview_distribution}

${c.fill(t.overview_distribution_intro, [floor])}

| ${t.lesson} | <#list lessons[0].buckets as b>${b.from?c}-${b.to?c}%<#sep> | </#list> |
|---|<#list lessons[0].buckets as b>---:|</#list>
<#list lessons as l>
| ${l.number}. ${l.title} | <#list l.buckets as b>${b.count?c}<#sep> | </#list> |
</#list>

## ${t.overview_ranking}

### ${t.overview_top}

| ${t.overview_rank} | ${t.overview_row} | id | ${t.overview_name} | ${t.overview_total} | ${t.band} |
|---:|---:|---|---|---:|---|
<#list top as r>
| ${r.rank?c} | ${r.row?c} | ${r.id} | ${r.name} | ${r.total} | ${r.band} |
</#list>

### ${t.overview_bottom}

| ${t.overview_rank} | ${t.overview_row} | id | ${t.overview_name} | ${t.overview_total} | ${t.band} |
|---:|---:|---|---|---:|---|
<#list bottom as r>
| ${r.rank?c} | ${r.row?c} | ${r.id} | ${r.name} | ${r.total} | ${r.band} |
</#list>

## ${t.overview_weaknesses}

<#if weaknesses?has_content>
${t.overview_weaknesses_intro}

<#list weaknesses as w>
${w?counter}. **${w.title}** (${w.lesson}): ${w.count?c} (${w.share} ${t.overview_share_rows})
   - ${t.why}: ${w.why}
   - ${t.overview_needs}: ${w.needs}
<#if w.advice?has_content>
   - ${t.advice}: ${w.advice}
</#if>
</#list>
<#else>
${t.overview_weaknesses_none}
</#if>

---

${c.fill(t.footer, [footer.tool, footer.version, footer.rubric_id, footer.rubric_version, footer.rubric_hash])}<#if footer.config?has_content> ${c.fill(t.config, [footer.config])}</#if>
