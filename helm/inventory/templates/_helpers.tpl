{{/*
Helpers. Per-component templates are called with a context dict:
  root = the chart's top-level context ($), name = component name, c = .Values.components.<name>
*/}}

{{- define "inventory.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels: part of immutable Deployment selectors, so they never include a version. */}}
{{- define "inventory.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "inventory.labels" -}}
{{ include "inventory.selectorLabels" . }}
app.kubernetes.io/version: {{ include "inventory.imageTag" . | quote }}
app.kubernetes.io/part-of: inventory-platform
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ include "inventory.chart" .root }}
{{- end -}}

{{- define "inventory.imageTag" -}}
{{- .c.image.tag | default .root.Values.global.image.tag -}}
{{- end -}}

{{/* <registry>/inventory-<component>:<tag>[@<digest>] */}}
{{- define "inventory.image" -}}
{{- $registry := .c.image.registry | default .root.Values.global.image.registry -}}
{{- $image := printf "%s/inventory-%s:%s" $registry .name (include "inventory.imageTag" .) -}}
{{- if .c.image.digest -}}
{{- $image = printf "%s@%s" $image .c.image.digest -}}
{{- end -}}
{{- $image -}}
{{- end -}}

{{/* Spring relaxed binding: inventory.resources.<key> <- INVENTORY_RESOURCES_<KEY with - as _>. */}}
{{- define "inventory.resourceEnvName" -}}
{{- printf "INVENTORY_RESOURCES_%s" (. | upper | replace "-" "_") -}}
{{- end -}}

{{/* True (non-empty) when something other than .spec.replicas owns the replica count. */}}
{{- define "inventory.autoscaled" -}}
{{- if or .c.autoscaling.enabled (and (eq .name "ingest") .root.Values.keda.enabled) -}}true{{- end -}}
{{- end -}}

{{/*
The ConfigMap data of a component: the whole configuration contract between this chart and the services.
Also hashed into a pod annotation, so a configuration change rolls the pods.
*/}}
{{- define "inventory.envData" -}}
AWS_REGION: {{ .root.Values.global.aws.region | quote }}
SERVER_PORT: "8080"
SERVER_SHUTDOWN: "graceful"
SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE: {{ printf "%ds" (int .c.shutdown.timeoutPerShutdownPhaseSeconds) | quote }}
MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED: "true"
MANAGEMENT_SERVER_PORT: {{ .root.Values.global.managementPort | toString | quote }}
JAVA_TOOL_OPTIONS: {{ .root.Values.global.javaToolOptions | quote }}
{{- if ne .root.Values.global.logFormat "plain" }}
LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ .root.Values.global.logFormat | quote }}
{{- end }}
{{- range $key, $value := .root.Values.resources }}
{{ include "inventory.resourceEnvName" $key }}: {{ $value | toString | quote }}
{{- end }}
{{- if eq .name "dashboard" }}
INVENTORY_DASHBOARD_COGNITO_USER_POOL_ID: {{ .root.Values.cognito.userPoolId | quote }}
INVENTORY_DASHBOARD_COGNITO_CLIENT_ID: {{ .root.Values.cognito.clientId | quote }}
{{- end }}
{{- end -}}

{{/* global.extraEnv then components.<name>.extraEnv, de-duplicated by name (the component wins), sorted. */}}
{{- define "inventory.extraEnv" -}}
{{- $byName := dict -}}
{{- range .root.Values.global.extraEnv }}{{ $_ := set $byName .name . }}{{ end -}}
{{- range .c.extraEnv }}{{ $_ := set $byName .name . }}{{ end -}}
{{- $env := list -}}
{{- range $name := keys $byName | sortAlpha }}{{ $env = append $env (get $byName $name) }}{{ end -}}
{{- with $env }}{{ toYaml . }}{{ end -}}
{{- end -}}

{{/* Render-time checks the schema cannot express (comparisons between values). */}}
{{- define "inventory.validate" -}}
{{- $c := .c -}}
{{- if gt (int $c.autoscaling.minReplicas) (int $c.autoscaling.maxReplicas) -}}
{{- fail (printf "components.%s.autoscaling: minReplicas (%d) must not exceed maxReplicas (%d)" .name (int $c.autoscaling.minReplicas) (int $c.autoscaling.maxReplicas)) -}}
{{- end -}}
{{- $needed := add $c.shutdown.preStopSleepSeconds $c.shutdown.timeoutPerShutdownPhaseSeconds 10 -}}
{{- if lt (int $c.shutdown.terminationGracePeriodSeconds) (int $needed) -}}
{{- fail (printf "components.%s.shutdown.terminationGracePeriodSeconds (%d) must be at least preStopSleepSeconds + timeoutPerShutdownPhaseSeconds + 10 = %d, or the kubelet kills the pod before Spring has finished its in-flight work" .name (int $c.shutdown.terminationGracePeriodSeconds) (int $needed)) -}}
{{- end -}}
{{- end -}}

{{/*
Labels of the release-wide monitoring objects (PodMonitor, PrometheusRule, dashboard ConfigMap): component
"metrics", version = the global image tag.
*/}}
{{- define "inventory.metricsLabels" -}}
{{ include "inventory.labels" (dict "root" . "name" "metrics" "c" (dict "image" (dict))) }}
{{- end -}}

{{/*
The label selector of every series of this release as scraped through the chart's PodMonitor: its job label
(the pods' app.kubernetes.io/part-of) and the release namespace, so two installs scraped by one Prometheus
alert separately.
*/}}
{{- define "inventory.seriesSelector" -}}
job="inventory-platform",namespace="{{ .Release.Namespace }}"
{{- end -}}
