{{/* Labels every object of the platform carries. */}}
{{- define "mindroom.labels" -}}
app.kubernetes.io/part-of: mindroom
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* Selector labels of one service: (dict "root" $ "name" $name). */}}
{{- define "mindroom.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* The name of the port a service answers /actuator/** on: "management" when it has a managementPort of its
own (the gateway: its public port never serves the actuator), "http" otherwise. Takes the service's entry. */}}
{{- define "mindroom.managementPortName" -}}
{{- ternary "management" "http" (not (empty .managementPort)) -}}
{{- end }}

{{/* A service's settings: serviceDefaults overridden by its entry under services, as YAML. */}}
{{- define "mindroom.serviceConfig" -}}
{{- $defaults := deepCopy .root.Values.serviceDefaults -}}
{{- toYaml (mergeOverwrite $defaults (deepCopy .service)) -}}
{{- end }}

{{/* The image of a service, pinned to the release's tag: (dict "root" $ "name" $name). */}}
{{- define "mindroom.image" -}}
{{- $registry := required "image.registry is required (the registry the images were pushed to)" .root.Values.image.registry -}}
{{- $tag := required "image.tag is required (the git revision the images were built from)" .root.Values.image.tag | toString -}}
{{- if eq $tag "latest" -}}
{{- fail "image.tag must name a revision, never latest" -}}
{{- end -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $registry) .name $tag -}}
{{- end }}

{{/* The base domain, required. */}}
{{- define "mindroom.domain" -}}
{{- required "global.domain is required (the platform's base domain)" .Values.global.domain -}}
{{- end }}

{{/* env entries from Secrets: (dict "root" $ "secretEnv" $map). */}}
{{- define "mindroom.secretEnv" -}}
{{- range $name, $ref := .secretEnv }}
- name: {{ $name }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secret | default $.root.Values.platformSecret }}
      key: {{ required (printf "secretEnv.%s.key is required" $name) $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}
