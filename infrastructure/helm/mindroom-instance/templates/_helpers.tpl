{{/* Labels of every object; the provisioner adds its ownership labels on top. */}}
{{- define "mindroom.labels" -}}
app.kubernetes.io/part-of: mindroom
app.kubernetes.io/version: {{ .Values.image.tag | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
mindroom.io/plan: {{ .Values.instance.plan | quote }}
{{- end }}

{{- define "mindroom.selector" -}}
app.kubernetes.io/name: mindroom
app.kubernetes.io/instance: {{ .Values.instance.slug | quote }}
{{- end }}

{{- define "matrix.selector" -}}
app.kubernetes.io/name: matrix
app.kubernetes.io/instance: {{ .Values.instance.slug | quote }}
{{- end }}

{{/* Pods run as a non-root user with the runtime's seccomp profile (Pod Security "restricted"). */}}
{{- define "mindroom.podSecurity" -}}
runAsNonRoot: true
runAsUser: {{ .uid }}
runAsGroup: {{ .uid }}
fsGroup: {{ .uid }}
fsGroupChangePolicy: OnRootMismatch
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "mindroom.containerSecurity" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end }}

{{/* Refuses values that would break the instance's guarantees. */}}
{{- define "mindroom.validate" -}}
{{- if or (not .Values.image.tag) (eq (toString .Values.image.tag) "latest") }}
{{- fail "image.tag must pin a version (never empty or \"latest\")" }}
{{- end }}
{{- if or (not .Values.matrix.image.tag) (eq (toString .Values.matrix.image.tag) "latest") }}
{{- fail "matrix.image.tag must pin a version (never empty or \"latest\")" }}
{{- end }}
{{- if not (has (int .Values.replicas) (list 0 1)) }}
{{- fail "replicas must be 0 (suspended) or 1" }}
{{- end }}
{{- if not .Values.secretName }}
{{- fail "secretName must name the tenant Secret" }}
{{- end }}
{{- end }}
