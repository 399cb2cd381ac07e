<#-- Shared helpers for every report template. -->
<#-- fill: replace {0}, {1}, ... in a text from t with values. The text's own words stay as they are
     (Markdown) and each value is escaped for the output format, as ${...} would write it. -->
<#function fill text args>
  <#local out = text?is_markup_output?then(text, text?esc)?markup_string>
  <#list args as a>
    <#local out = out?replace("{" + a?index + "}", a?is_markup_output?then(a, a?esc)?markup_string)>
  </#list>
  <#return out?no_esc>
</#function>
