<#-- The lesson chart: an inline SVG of each lesson's score against its maximum, with the floor
     (below it a lesson caps the band) and the line every lesson needs for the best band. Drawn
     from the numbers; readable in black and white (dashed floor, solid line, outlined bars). -->
<#import "_common.ftl" as c>
<#macro lesson_chart lessons band t total>
<#assign left = 250>
<#assign width = 360>
<#assign rowHeight = 46>
<#assign top = 34>
<#assign height = top + lessons?size * rowHeight + 30>
<#assign floorX = left + band.floor_num * width>
<#assign lineX = left + band.line_num * width>
<#assign parts = "">
<#list lessons as l><#assign parts = parts + c.fill(t.chart_lesson, [l.title, l.score, l.weight, l.share])><#if l?has_next><#assign parts = parts + "; "></#if></#list>
<svg class="chart" viewBox="0 0 ${(left + width + 70)?c} ${height?c}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
  <title id="chart-title">${t.chart_title}</title>
  <desc id="chart-desc">${c.fill(t.chart_desc, [band.id, band.label, total, parts, band.floor, band.line, band.line_band])}</desc>
  <text x="0" y="18" class="value">${t.band} ${band.id}: ${band.label} · ${t.total} ${total}</text>
<#list lessons as l>
  <#assign y = top + l?index * rowHeight>
  <text x="0" y="${(y + 20)?c}" dir="auto">${l.number}. ${l.title}</text>
  <rect class="track" x="${left?c}" y="${(y + 4)?c}" width="${width?c}" height="24"/>
  <rect class="bar<#if l.below_floor> below</#if>" data-lesson="${l.id}" data-share="${l.share_num?c}" x="${left?c}" y="${(y + 4)?c}" width="${(l.share_num * width)?c}" height="24"/>
  <text x="${(left + width + 8)?c}" y="${(y + 21)?c}" class="value">${l.share}</text>
</#list>
  <line class="floor" x1="${floorX?c}" y1="${(top - 4)?c}" x2="${floorX?c}" y2="${(top + lessons?size * rowHeight)?c}"/>
  <line class="line" x1="${lineX?c}" y1="${(top - 4)?c}" x2="${lineX?c}" y2="${(top + lessons?size * rowHeight)?c}"/>
  <text x="${floorX?c}" y="${(height - 8)?c}" text-anchor="middle">${c.fill(t.chart_floor, [band.floor])}</text>
  <text x="${lineX?c}" y="${(height - 8)?c}" text-anchor="start" dx="6">${c.fill(t.chart_line, [band.line, band.line_band])}</text>
</svg>
</#macro>

<#-- A histogram of one lesson's shares over the proposals of a batch: ten bars of 10
     percentage points, the floor marked; the text alternative states the counts. -->
<#macro histogram lesson t floor>
<#assign w = 40>
<#assign gap = 6>
<#assign h = 120>
<#assign left = 10>
<#assign top = 20>
<#assign width = left + lesson.buckets?size * (w + gap) + 10>
<#assign height = top + h + 40>
<#assign counts = []>
<#list lesson.buckets as b><#assign counts = counts + [b.from?c + "-" + b.to?c + "%: " + b.count?c]></#list>
<svg class="chart histogram" viewBox="0 0 ${width?c} ${height?c}" role="img" aria-labelledby="hist-${lesson.id}-title hist-${lesson.id}-desc" xmlns="http://www.w3.org/2000/svg">
  <title id="hist-${lesson.id}-title">${lesson.number}. ${lesson.title}</title>
  <desc id="hist-${lesson.id}-desc">${c.fill(t.overview_histogram_desc, [lesson.title, counts?join(", "), lesson.below_floor?c])}</desc>
<#list lesson.buckets as b>
  <#assign x = left + b?index * (w + gap)>
  <#assign bh = b.height * h>
  <rect class="bar<#if b.below_floor> below</#if>" data-count="${b.count?c}" x="${x?c}" y="${(top + h - bh)?c}" width="${w?c}" height="${bh?c}"/>
  <text x="${(x + w / 2)?c}" y="${(top + h - bh - 3)?c}" text-anchor="middle" class="value">${b.count?c}</text>
  <text x="${(x + w / 2)?c}" y="${(top + h + 16)?c}" text-anchor="middle">${b.from?c}</text>
</#list>
  <line class="line" x1="${left?c}" y1="${(top + h)?c}" x2="${(width - 10)?c}" y2="${(top + h)?c}"/>
  <text x="${(width - 10)?c}" y="${(top + h + 32)?c}" text-anchor="end">${t.overview_bucket} %</text>
</svg>
</#macro>
