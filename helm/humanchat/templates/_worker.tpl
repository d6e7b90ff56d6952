{{/*
The Deployment of a Kafka worker (projector, sam-worker, payments-worker), probed on the ops port its config sets:
(dict "root" $ "component" "projector" "workload" .Values.projector "portVariable" "HUMANCHAT_OPS_HTTP_PORT"
 "args" (list …) "secrets" (list …) "hpa" bool)
*/}}
{{- define "humanchat.workerDeployment" -}}
{{- $root := .root }}
{{- $w := .workload }}
{{- $ctx := dict "root" $root "component" .component }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "humanchat.componentName" $ctx }}
  labels:
    {{- include "humanchat.componentLabels" $ctx | nindent 4 }}
spec:
  {{- if not .hpa }}
  replicas: {{ $w.replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "humanchat.componentSelectorLabels" $ctx | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "humanchat.componentLabels" $ctx | nindent 8 }}
      annotations:
        {{- include "humanchat.checksumAnnotations" $ctx | nindent 8 }}
        {{- with $w.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      {{- include "humanchat.podSpecCommon" (dict "root" $root "workload" $w) | trim | nindent 6 }}
      terminationGracePeriodSeconds: {{ $w.terminationGracePeriodSeconds }}
      containers:
        - name: {{ .component }}
          image: {{ include "humanchat.image" (dict "root" $root "image" $w.image) | quote }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          {{- with .args }}
          args:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          envFrom:
            - configMapRef:
                name: {{ include "humanchat.componentName" $ctx }}
          env:
            {{- include "humanchat.secretEnv" (dict "root" $root "required" .secrets) | trim | nindent 12 }}
            {{- include "humanchat.javaEnv" $root | nindent 12 }}
          {{- include "humanchat.opsPortAndProbes" (dict "port" (int (index $w.config .portVariable))) | nindent 10 }}
          resources:
            {{- toYaml $w.resources | nindent 12 }}
          securityContext:
            {{- toYaml $root.Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            {{- include "humanchat.tmpVolumeMount" $root | nindent 12 }}
      volumes:
        {{- include "humanchat.tmpVolume" $root | nindent 8 }}
{{- end }}

{{/* A workload's ConfigMap: (dict "root" $ "component" "projector" "config" .Values.projector.config) */}}
{{- define "humanchat.workloadConfigMap" -}}
{{- $ctx := dict "root" .root "component" .component }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "humanchat.componentName" $ctx }}
  labels:
    {{- include "humanchat.componentLabels" $ctx | nindent 4 }}
data:
  {{- include "humanchat.configData" (dict "root" .root "config" .config) | trim | nindent 2 }}
{{- end }}
