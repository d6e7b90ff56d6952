{{/* Chart name, truncated to the 63 characters a label allows. */}}
{{- define "humanchat.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name; the release name alone when it already contains the chart name. */}}
{{- define "humanchat.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "humanchat.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "humanchat.selectorLabels" -}}
app.kubernetes.io/name: {{ include "humanchat.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "humanchat.labels" -}}
helm.sh/chart: {{ include "humanchat.chart" . }}
{{ include "humanchat.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: humanchat
{{- end }}

{{/*
Per-workload helpers take (dict "root" $ "component" "edge").
*/}}
{{- define "humanchat.componentName" -}}
{{- printf "%s-%s" (include "humanchat.fullname" .root) .component | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "humanchat.componentSelectorLabels" -}}
{{ include "humanchat.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "humanchat.componentLabels" -}}
{{ include "humanchat.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* image: (dict "root" $ "image" .Values.edge.image); the tag defaults to the chart's appVersion. */}}
{{- define "humanchat.image" -}}
{{- printf "%s%s:%s" .root.Values.image.registry .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/* The Secret holding every secret HUMANCHAT_* variable. */}}
{{- define "humanchat.secretName" -}}
{{- default (printf "%s-secrets" (include "humanchat.fullname" .)) .Values.secrets.existingSecret }}
{{- end }}

{{/*
Secret variables of a workload: (dict "root" $ "required" (list …) "optional" (list …)). Optional keys may be
missing from an existing Secret (variables a service will read in a later version).
*/}}
{{- define "humanchat.secretEnv" -}}
{{- $secret := include "humanchat.secretName" .root }}
{{- range .required }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ . }}
{{- end }}
{{- range .optional }}
- name: {{ . }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ . }}
      optional: true
{{- end }}
{{- end }}

{{/*
A workload's ConfigMap data: the shared `config` overlaid with the workload's own `config` (and `extra`,
values the template computes), every value a string. (dict "root" $ "config" .Values.edge.config "extra" dict)
*/}}
{{- define "humanchat.configData" -}}
{{- $data := merge (deepCopy (default (dict) .extra)) (deepCopy (default (dict) .config)) (deepCopy .root.Values.config) }}
{{- range $key, $value := $data }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* Annotations that roll a workload's pods when its ConfigMap or the chart-made Secret changes. */}}
{{- define "humanchat.checksumAnnotations" -}}
checksum/config: {{ include (print .root.Template.BasePath "/" .component "/configmap.yaml") .root | sha256sum }}
{{- if not .root.Values.secrets.existingSecret }}
checksum/secret: {{ include (print .root.Template.BasePath "/config/secret.yaml") .root | sha256sum }}
{{- end }}
{{- end }}

{{/* JVM options, the image's runtime user and an emptyDir /tmp: the same for every pod. */}}
{{- define "humanchat.javaEnv" -}}
- name: JDK_JAVA_OPTIONS
  value: {{ .Values.javaOptions | quote }}
{{- end }}

{{- define "humanchat.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpSizeLimit }}
{{- end }}

{{- define "humanchat.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "humanchat.podSpecCommon" -}}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- with .workload.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .workload.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .workload.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{/*
The ops port of a back-end workload (domain-streams, projector, sam-worker, payments-worker) and its probes:
/metrics, /health/live and /health/ready served by com.humanchat.ops.OpsHttpServer. (dict "port" N)
*/}}
{{- define "humanchat.opsPortAndProbes" -}}
ports:
  - name: ops
    containerPort: {{ .port }}
    protocol: TCP
livenessProbe:
  httpGet:
    path: /health/live
    port: ops
  initialDelaySeconds: 20
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 6
readinessProbe:
  httpGet:
    path: /health/ready
    port: ops
  initialDelaySeconds: 10
  periodSeconds: 10
  timeoutSeconds: 5
  failureThreshold: 3
{{- end }}
