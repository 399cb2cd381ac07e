<#-- Shared helpers for every report template. -->
<#-- fill: replace {0}, {1}, ... in a text from t with values (the result is escaped on output) -->
<#function fill text args>
  <#local out = text>
  <#list args as a>
    <#local out = out?replace("{" + a?index + "}", a)>
  </#list>
  <#return out>
</#function>
