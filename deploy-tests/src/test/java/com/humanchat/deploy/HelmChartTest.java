package com.humanchat.deploy;

import static com.humanchat.deploy.RenderedManifests.firstContainer;
import static com.humanchat.deploy.RenderedManifests.podSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.LintResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lints helm/humanchat and renders it with the default values and the files under {@code ci/}, asserting on the
 * rendered objects: what each workload is made of, the migration hook, pod security, probes and env wiring.
 */
class HelmChartTest {

    private static final List<String> COMPONENTS =
            List.of("edge", "domain-streams", "projector", "sam-worker", "payments-worker", "notifier", "migrations");

    /**
     * Variables of the root README's table that no deployed service reads (the standalone's data folder) or that a
     * deployment must never set (the development outbox shows everyone's verification links).
     */
    private static final Set<String> STANDALONE_ONLY = Set.of("HUMANCHAT_DATA_DIR", "HUMANCHAT_DEV_OUTBOX");

    @Test
    void lintsCleanInStrictMode() {
        LintResult result = HumanChatChart.lint();

        assertThat(result.isFailed())
                .as("helm lint --strict: %s", result.getMessages())
                .isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @ParameterizedTest(name = "values: {0}")
    @ValueSource(strings = {"values.yaml", "ci/minimal-values.yaml", "ci/scaled-values.yaml"})
    void runsEveryPodNonRootWithAReadOnlyRootFilesystem(String valuesFile) {
        RenderedManifests rendered = HumanChatChart.render(valuesFile);

        assertThat(rendered.workloads()).isNotEmpty();
        for (JsonNode workload : rendered.workloads()) {
            String name = workload.path("metadata").path("name").asText();
            JsonNode pod = podSpec(workload);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                    .as("%s runAsNonRoot", name)
                    .isTrue();
            assertThat(pod.path("securityContext").path("runAsUser").asInt())
                    .as("%s runAsUser", name)
                    .isPositive();
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("readOnlyRootFilesystem").asBoolean())
                        .as("%s readOnlyRootFilesystem", name)
                        .isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true))
                        .as("%s allowPrivilegeEscalation", name)
                        .isFalse();
                assertThat(RenderedManifests.list(security.path("capabilities").path("drop")))
                        .extracting(JsonNode::asText)
                        .containsExactly("ALL");
                assertThat(RenderedManifests.list(container.path("volumeMounts")))
                        .as("%s mounts a writable /tmp", name)
                        .anyMatch(m -> m.path("mountPath").asText().equals("/tmp"));
                assertThat(container
                                .path("resources")
                                .path("limits")
                                .path("memory")
                                .isMissingNode())
                        .as("%s has a memory limit", name)
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "values: {0}")
    @ValueSource(strings = {"values.yaml", "ci/minimal-values.yaml", "ci/scaled-values.yaml"})
    void rollsPodsWhenTheirConfigChanges(String valuesFile) {
        RenderedManifests rendered = HumanChatChart.render(valuesFile);

        for (JsonNode workload : rendered.workloads()) {
            if (workload.path("kind").asText().equals("Job")) {
                continue; // a hook Job runs anew on every upgrade anyway
            }
            assertThat(workload.path("spec")
                            .path("template")
                            .path("metadata")
                            .path("annotations")
                            .path("checksum/config")
                            .asText())
                    .as("checksum/config of %s", workload.path("metadata").path("name"))
                    .matches("[0-9a-f]{64}");
        }
    }

    @Nested
    class DefaultValues {

        private final RenderedManifests rendered = HumanChatChart.render();

        @Test
        void rendersEveryWorkloadWithItsObjects() {
            assertThat(rendered.kindsOf("edge"))
                    .containsExactlyInAnyOrder(
                            "ConfigMap",
                            "Deployment",
                            "Service",
                            "Ingress",
                            "HorizontalPodAutoscaler",
                            "PodDisruptionBudget");
            assertThat(rendered.kindsOf("domain-streams"))
                    .containsExactlyInAnyOrder("ConfigMap", "StatefulSet", "Service", "PodDisruptionBudget");
            assertThat(rendered.kindsOf("projector")).containsExactlyInAnyOrder("ConfigMap", "Deployment");
            assertThat(rendered.kindsOf("sam-worker"))
                    .containsExactlyInAnyOrder("ConfigMap", "Deployment", "HorizontalPodAutoscaler");
            assertThat(rendered.kindsOf("payments-worker")).containsExactlyInAnyOrder("ConfigMap", "Deployment");
            assertThat(rendered.kindsOf("notifier")).containsExactlyInAnyOrder("ConfigMap", "Deployment");
            assertThat(rendered.kindsOf("migrations")).containsExactly("Job");
            // Secrets come from the existing Secret named in values.yaml: the chart makes none.
            assertThat(rendered.ofKind("Secret")).isEmpty();
        }

        @Test
        void labelsEveryObjectTheKubernetesWay() {
            for (JsonNode object : rendered.objects()) {
                JsonNode labels = object.path("metadata").path("labels");
                assertThat(labels.path("app.kubernetes.io/name").asText()).isEqualTo("humanchat");
                assertThat(labels.path("app.kubernetes.io/instance").asText()).isEqualTo(HumanChatChart.RELEASE);
                assertThat(labels.path("app.kubernetes.io/managed-by").asText()).isEqualTo("Helm");
                assertThat(COMPONENTS)
                        .contains(labels.path("app.kubernetes.io/component").asText());
            }
        }

        @Test
        void tagsEveryImageWithTheAppVersion() {
            assertThat(rendered.workloads())
                    .extracting(w -> firstContainer(w).path("image").asText())
                    .containsExactlyInAnyOrder(
                            "humanchat/edge-gateway:0.1.0",
                            "humanchat/domain-streams:0.1.0",
                            "humanchat/domain-streams:0.1.0",
                            "humanchat/sam-worker:0.1.0",
                            "humanchat/payments-worker:0.1.0",
                            "humanchat/notifier:0.1.0",
                            "humanchat/migrations:0.1.0");
        }

        @Test
        void migratesInAPreInstallAndPreUpgradeHook() {
            JsonNode job = rendered.get("migrations", "Job");

            JsonNode annotations = job.path("metadata").path("annotations");
            assertThat(annotations.path("helm.sh/hook").asText()).isEqualTo("pre-install,pre-upgrade");
            assertThat(annotations.path("helm.sh/hook-delete-policy").asText()).contains("before-hook-creation");
            assertThat(podSpec(job).path("restartPolicy").asText()).isEqualTo("Never");
            JsonNode pgUrl = firstContainer(job).path("env").path(0);
            assertThat(pgUrl.path("name").asText()).isEqualTo("HUMANCHAT_PG_URL");
            assertThat(pgUrl.path("valueFrom").path("secretKeyRef").path("name").asText())
                    .isEqualTo("humanchat-secrets");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "domain-streams,  StatefulSet, HUMANCHAT_OPS_HTTP_PORT, 8081",
            "projector,       Deployment,  HUMANCHAT_OPS_HTTP_PORT, 8081",
            "payments-worker, Deployment,  HUMANCHAT_OPS_HTTP_PORT, 8081",
            "notifier,        Deployment,  HUMANCHAT_OPS_HTTP_PORT, 8081",
            "sam-worker,      Deployment,  HUMANCHAT_SAM_HTTP_PORT, 8091"
        })
        void probesEveryBackEndWorkloadOnItsOpsPortAndLetsPrometheusScrapeIt(
                String component, String kind, String portVariable, int port) {
            JsonNode workload = rendered.get(component, kind);
            JsonNode container = firstContainer(workload);

            assertThat(rendered.configMapData(component).path(portVariable).asText())
                    .isEqualTo(String.valueOf(port));
            assertThat(container.path("ports").path(0).path("name").asText()).isEqualTo("ops");
            assertThat(container.path("ports").path(0).path("containerPort").asInt())
                    .isEqualTo(port);
            assertThat(container
                            .path("livenessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/health/live");
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("path")
                            .asText())
                    .isEqualTo("/health/ready");
            assertThat(container
                            .path("readinessProbe")
                            .path("httpGet")
                            .path("port")
                            .asText())
                    .isEqualTo("ops");
            JsonNode annotations =
                    workload.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(port));
        }

        @Test
        void shipsNoMonitoringObjectsUnlessAsked() {
            assertThat(rendered.kindsOf("monitoring")).isEmpty();
        }

        @Test
        void probesTheEdgeOnItsHealthEndpoints() {
            JsonNode edge = firstContainer(rendered.get("edge", "Deployment"));

            assertThat(edge.path("livenessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/health/live");
            assertThat(edge.path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/health/ready");
            assertThat(edge.path("startupProbe").path("httpGet").path("path").asText())
                    .isEqualTo("/health/live");
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                assertThat(edge.path(probe).path("httpGet").path("port").asText())
                        .as(probe)
                        .isEqualTo("ops");
            }
            assertThat(edge.path("ports").path(0).path("containerPort").asInt()).isEqualTo(8080);
            assertThat(rendered.configMapData("edge")
                            .path("HUMANCHAT_HTTP_PORT")
                            .asText())
                    .isEqualTo("8080");
        }

        /** Issue 23, finding 3: Prometheus scrapes the edge on its ops port, which nothing outside the pod reaches. */
        @Test
        void servesTheEdgeMetricsOnlyOnItsOpsPortWhichNoServiceExposes() {
            JsonNode deployment = rendered.get("edge", "Deployment");
            JsonNode edge = firstContainer(deployment);
            Map<String, Integer> ports = new java.util.HashMap<>();
            edge.path("ports")
                    .forEach(port -> ports.put(
                            port.path("name").asText(),
                            port.path("containerPort").asInt()));

            assertThat(ports).containsOnlyKeys("http", "ops");
            assertThat(ports.get("ops")).isNotEqualTo(ports.get("http"));
            assertThat(rendered.configMapData("edge")
                            .path("HUMANCHAT_OPS_HTTP_PORT")
                            .asText())
                    .isEqualTo(String.valueOf(ports.get("ops")));
            JsonNode annotations =
                    deployment.path("spec").path("template").path("metadata").path("annotations");
            assertThat(annotations.path("prometheus.io/port").asText()).isEqualTo(String.valueOf(ports.get("ops")));
            assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/metrics");
            List<String> servicePorts = new ArrayList<>();
            rendered.get("edge", "Service")
                    .path("spec")
                    .path("ports")
                    .forEach(port -> servicePorts.add(port.path("targetPort").asText()));
            assertThat(servicePorts).containsExactly("http");
        }

        /** Issue 23, finding 3: the Ingress forwards the API, the socket and the web client, all to the http port. */
        @Test
        void routesOnlyTheApiTheSocketAndTheClientThroughTheIngress() {
            JsonNode ingress = rendered.get("edge", "Ingress");
            String service = rendered.get("edge", "Service")
                    .path("metadata")
                    .path("name")
                    .asText();
            List<String> paths = new ArrayList<>();
            ingress.path("spec")
                    .path("rules")
                    .forEach(rule -> rule.path("http").path("paths").forEach(path -> {
                        paths.add(path.path("pathType").asText() + " "
                                + path.path("path").asText());
                        JsonNode backend = path.path("backend").path("service");
                        assertThat(backend.path("name").asText()).isEqualTo(service);
                        assertThat(backend.path("port").path("name").asText()).isEqualTo("http");
                        assertThat(backend.path("port").has("number")).isFalse();
                    }));

            assertThat(paths).containsExactly("Prefix /api", "Exact /ws", "Prefix /");
        }

        @Test
        void keepsWebSocketsOpenThroughTheIngress() {
            JsonNode ingress = rendered.get("edge", "Ingress");

            JsonNode annotations = ingress.path("metadata").path("annotations");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/proxy-read-timeout")
                            .asText())
                    .isEqualTo("3600");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/proxy-send-timeout")
                            .asText())
                    .isEqualTo("3600");
            assertThat(annotations
                            .path("nginx.ingress.kubernetes.io/proxy-http-version")
                            .asText())
                    .isEqualTo("1.1");
            assertThat(ingress.path("spec")
                            .path("rules")
                            .path(0)
                            .path("http")
                            .path("paths")
                            .path(0)
                            .path("backend")
                            .path("service")
                            .path("name")
                            .asText())
                    .isEqualTo(rendered.get("edge", "Service")
                            .path("metadata")
                            .path("name")
                            .asText());
        }

        @Test
        void scalesTheEdgeOnCpuAndLetsTheAutoscalerOwnItsReplicas() {
            JsonNode hpa = rendered.get("edge", "HorizontalPodAutoscaler");

            assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(hpa.path("spec")
                            .path("metrics")
                            .path(0)
                            .path("resource")
                            .path("name")
                            .asText())
                    .isEqualTo("cpu");
            assertThat(hpa.path("spec").path("scaleTargetRef").path("kind").asText())
                    .isEqualTo("Deployment");
            assertThat(rendered.get("edge", "Deployment").path("spec").has("replicas"))
                    .as("replicas are left to the HPA")
                    .isFalse();
            assertThat(rendered.get("edge", "PodDisruptionBudget")
                            .path("spec")
                            .path("minAvailable")
                            .asInt())
                    .isEqualTo(1);
        }

        @Test
        void scalesTheSamWorkerOnConsumerLagThroughAnExternalMetric() {
            JsonNode hpa = rendered.get("sam-worker", "HorizontalPodAutoscaler");

            JsonNode metric = hpa.path("spec").path("metrics").path(0);
            assertThat(metric.path("type").asText()).isEqualTo("External");
            assertThat(metric.path("external").path("metric").path("name").asText())
                    .isEqualTo("kafka_consumergroup_lag");
            assertThat(metric.path("external").path("target").path("type").asText())
                    .isEqualTo("AverageValue");
            assertThat(rendered.get("sam-worker", "Deployment").path("spec").has("replicas"))
                    .isFalse();
        }

        @Test
        void keepsStreamsStateOnAVolumePerPodWithStandbys() {
            JsonNode statefulSet = rendered.get("domain-streams", "StatefulSet");

            JsonNode claim =
                    statefulSet.path("spec").path("volumeClaimTemplates").path(0);
            String mountPath = RenderedManifests.list(
                            firstContainer(statefulSet).path("volumeMounts"))
                    .stream()
                    .filter(m -> m.path("name")
                            .asText()
                            .equals(claim.path("metadata").path("name").asText()))
                    .findFirst()
                    .orElseThrow()
                    .path("mountPath")
                    .asText();
            assertThat(claim.path("spec")
                            .path("resources")
                            .path("requests")
                            .path("storage")
                            .asText())
                    .isEqualTo("10Gi");
            JsonNode config = rendered.configMapData("domain-streams");
            assertThat(config.path("HUMANCHAT_STREAMS_STATE_DIR").asText()).isEqualTo(mountPath);
            assertThat(config.path("HUMANCHAT_STREAMS_STANDBY_REPLICAS").asText())
                    .isEqualTo("1");
            assertThat(statefulSet.path("spec").path("replicas").asInt()).isEqualTo(2);
            assertThat(statefulSet.path("spec").path("serviceName").asText())
                    .isEqualTo(rendered.get("domain-streams", "Service")
                            .path("metadata")
                            .path("name")
                            .asText());
            assertThat(rendered.get("domain-streams", "Service")
                            .path("spec")
                            .path("clusterIP")
                            .asText())
                    .isEqualTo("None");
        }

        @Test
        void runsTheProjectorFromTheDomainStreamsImage() {
            JsonNode projector = firstContainer(rendered.get("projector", "Deployment"));
            JsonNode streams = firstContainer(rendered.get("domain-streams", "StatefulSet"));

            assertThat(projector.path("image").asText())
                    .isEqualTo(streams.path("image").asText());
            assertThat(projector.path("args").path(0).asText())
                    .isEqualTo("com.humanchat.streams.projector.ProjectorMain");
            assertThat(streams.path("args").path(0).asText()).isEqualTo("com.humanchat.streams.app.DomainStreamsMain");
        }

        @Test
        void wiresEveryVariableOfTheEdgeReadmeIntoTheEdge() {
            Set<String> documented = RepositoryFiles.documentedVariables("edge-gateway/README.md");

            assertThat(documented)
                    .as("variables found in edge-gateway/README.md")
                    .hasSizeGreaterThan(10);
            assertThat(rendered.environmentOf("edge", "Deployment")).containsAll(documented);
        }

        @Test
        void wiresEveryVariableOfTheDomainStreamsReadmeIntoStreamsOrProjector() {
            Set<String> documented = RepositoryFiles.documentedVariables("domain-streams/README.md");
            Set<String> wired = new HashSet<>(rendered.environmentOf("domain-streams", "StatefulSet"));
            wired.addAll(rendered.environmentOf("projector", "Deployment"));

            assertThat(documented)
                    .as("variables found in domain-streams/README.md")
                    .isNotEmpty();
            assertThat(wired).containsAll(documented);
        }

        @Test
        void wiresEveryVariableOfThePaymentsWorkerReadmeIntoThePaymentsWorker() {
            Set<String> documented = RepositoryFiles.documentedVariables("payments-worker/README.md");

            assertThat(documented)
                    .as("variables found in payments-worker/README.md")
                    .hasSizeGreaterThan(5);
            assertThat(rendered.environmentOf("payments-worker", "Deployment")).containsAll(documented);
        }

        @Test
        void wiresEveryVariableOfTheNotifierReadmeIntoTheNotifier() {
            Set<String> documented = RepositoryFiles.documentedVariables("notifier/README.md");

            assertThat(documented).as("variables found in notifier/README.md").hasSizeGreaterThan(5);
            assertThat(rendered.environmentOf("notifier", "Deployment")).containsAll(documented);
        }

        @Test
        void wiresEveryVariableOfTheSamWorkerReadmeIntoTheSamWorker() {
            Set<String> documented = RepositoryFiles.documentedVariables("sam-worker/README.md");

            assertThat(documented).as("variables found in sam-worker/README.md").hasSizeGreaterThan(10);
            assertThat(rendered.environmentOf("sam-worker", "Deployment")).containsAll(documented);
        }

        @Test
        void wiresEveryVariableOfTheRootReadmeAndTheWorkersIntoSomeWorkload() {
            Set<String> documented = new HashSet<>(RepositoryFiles.documentedVariables("README.md"));
            documented.removeAll(STANDALONE_ONLY);
            Set<String> wired = new HashSet<>();
            wired.addAll(rendered.environmentOf("edge", "Deployment"));
            wired.addAll(rendered.environmentOf("domain-streams", "StatefulSet"));
            wired.addAll(rendered.environmentOf("projector", "Deployment"));
            wired.addAll(rendered.environmentOf("sam-worker", "Deployment"));
            wired.addAll(rendered.environmentOf("payments-worker", "Deployment"));
            wired.addAll(rendered.environmentOf("notifier", "Deployment"));

            assertThat(documented).as("variables found in README.md").hasSizeGreaterThan(20);
            assertThat(wired).containsAll(documented);
            assertThat(rendered.environmentOf("sam-worker", "Deployment"))
                    .contains(
                            "HUMANCHAT_KAFKA_BOOTSTRAP",
                            "HUMANCHAT_GEMINI_API_KEY",
                            "HUMANCHAT_GEMINI_MODEL",
                            "HUMANCHAT_GEMINI_BASE_URL",
                            "HUMANCHAT_SAM_MAX_IN_FLIGHT");
            assertThat(rendered.environmentOf("payments-worker", "Deployment"))
                    .contains(
                            "HUMANCHAT_KAFKA_BOOTSTRAP",
                            "HUMANCHAT_PG_URL",
                            "HUMANCHAT_STRIPE_API_KEY",
                            "HUMANCHAT_STRIPE_WEBHOOK_SECRET",
                            "HUMANCHAT_STRIPE_API_BASE",
                            "HUMANCHAT_PLATFORM_FEE_BPS");
        }

        @Test
        void takesSecretsFromTheSecretNeverFromTheConfigMaps() {
            Set<String> secretVariables = Set.of(
                    "HUMANCHAT_PG_URL",
                    "HUMANCHAT_REDIS_URL",
                    "HUMANCHAT_JWT_SECRET",
                    "HUMANCHAT_GEMINI_API_KEY",
                    "HUMANCHAT_STRIPE_API_KEY",
                    "HUMANCHAT_STRIPE_WEBHOOK_SECRET");

            for (JsonNode configMap : rendered.ofKind("ConfigMap")) {
                Set<String> keys = new HashSet<>();
                configMap.path("data").fieldNames().forEachRemaining(keys::add);
                assertThat(keys).doesNotContainAnyElementsOf(secretVariables);
            }
            JsonNode edgeEnv =
                    firstContainer(rendered.get("edge", "Deployment")).path("env");
            for (String variable : List.of("HUMANCHAT_PG_URL", "HUMANCHAT_REDIS_URL", "HUMANCHAT_JWT_SECRET")) {
                assertThat(RenderedManifests.list(edgeEnv))
                        .filteredOn(e -> e.path("name").asText().equals(variable))
                        .singleElement()
                        .satisfies(e -> assertThat(e.path("valueFrom")
                                        .path("secretKeyRef")
                                        .path("key")
                                        .asText())
                                .isEqualTo(variable));
            }
        }
    }

    @Nested
    class MinimalValues {

        private final RenderedManifests rendered = HumanChatChart.render("ci/minimal-values.yaml");

        @Test
        void leavesDisabledWorkloadsAndOptionalObjectsOut() {
            assertThat(rendered.ofComponent("sam-worker")).isEmpty();
            assertThat(rendered.ofComponent("payments-worker")).isEmpty();
            assertThat(rendered.ofKind("Ingress")).isEmpty();
            assertThat(rendered.ofKind("HorizontalPodAutoscaler")).isEmpty();
            assertThat(rendered.ofKind("PodDisruptionBudget")).isEmpty();
            assertThat(rendered.get("edge", "Deployment")
                            .path("spec")
                            .path("replicas")
                            .asInt())
                    .isEqualTo(1);
        }

        @Test
        void makesTheSecretAndGivesTheMigrationHookItsOwnCopy() {
            JsonNode secret = rendered.ofKind("Secret").stream()
                    .filter(s -> !s.path("metadata").path("annotations").has("helm.sh/hook"))
                    .findFirst()
                    .orElseThrow();
            JsonNode hookSecret = rendered.get("migrations", "Secret");
            JsonNode job = rendered.get("migrations", "Job");

            assertThat(secret.path("stringData").path("HUMANCHAT_JWT_SECRET").asText())
                    .isEqualTo("ci-only-signing-key-of-at-least-32-bytes");
            // The pre-install Job runs before the release's Secret exists: its own hook Secret is made first.
            assertThat(hookSecret
                            .path("metadata")
                            .path("annotations")
                            .path("helm.sh/hook")
                            .asText())
                    .isEqualTo("pre-install,pre-upgrade");
            assertThat(hookSecret
                            .path("metadata")
                            .path("annotations")
                            .path("helm.sh/hook-weight")
                            .asInt())
                    .isLessThan(job.path("metadata")
                            .path("annotations")
                            .path("helm.sh/hook-weight")
                            .asInt());
            assertThat(firstContainer(job)
                            .path("env")
                            .path(0)
                            .path("valueFrom")
                            .path("secretKeyRef")
                            .path("name")
                            .asText())
                    .isEqualTo(hookSecret.path("metadata").path("name").asText());
            assertThat(firstContainer(rendered.get("edge", "Deployment"))
                            .path("env")
                            .findValues("secretKeyRef")
                            .getFirst()
                            .path("name")
                            .asText())
                    .isEqualTo(secret.path("metadata").path("name").asText());
            assertThat(rendered.get("edge", "Deployment")
                            .path("spec")
                            .path("template")
                            .path("metadata")
                            .path("annotations")
                            .path("checksum/secret")
                            .asText())
                    .matches("[0-9a-f]{64}");
        }
    }

    @Nested
    class ScaledValues {

        private final RenderedManifests rendered = HumanChatChart.render("ci/scaled-values.yaml");

        @Test
        void shipsTheGrafanaDashboardForTheSidecar() throws Exception {
            JsonNode configMap = rendered.get("monitoring", "ConfigMap");

            assertThat(configMap
                            .path("metadata")
                            .path("labels")
                            .path("grafana_dashboard")
                            .asText())
                    .isEqualTo("1");
            JsonNode dashboard = new ObjectMapper()
                    .readTree(configMap.path("data").path("humanchat.json").asText());
            assertThat(dashboard.path("uid").asText()).isEqualTo("humanchat-overview");
            List<JsonNode> queries = new ArrayList<>();
            dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(queries::add));
            assertThat(queries).hasSizeGreaterThan(30).allSatisfy(query -> assertThat(
                            query.path("expr").asText())
                    .containsPattern("(humanchat|vertx|jvm|process)_[a-z_]+"));
        }

        @Test
        void shipsTheAlertsEachExplainedInTheRunbook() {
            JsonNode rule = rendered.get("monitoring", "PrometheusRule");
            List<JsonNode> alerts = RenderedManifests.list(
                    rule.path("spec").path("groups").path(0).path("rules"));
            String runbook = RepositoryFiles.read("docs/runbook.md");

            assertThat(alerts).hasSizeGreaterThan(5).allSatisfy(alert -> {
                String name = alert.path("alert").asText();
                assertThat(alert.path("expr").asText()).contains("humanchat_");
                assertThat(alert.path("annotations").path("runbook").asText())
                        .isEqualTo("docs/runbook.md#" + name.toLowerCase(Locale.ROOT));
                assertThat(runbook).as("a runbook section for %s", name).contains("### " + name + "\n");
            });
        }

        @Test
        void appliesRegistryTagsReplicasAndStorage() {
            assertThat(firstContainer(rendered.get("edge", "Deployment"))
                            .path("image")
                            .asText())
                    .isEqualTo("registry.example.com/humanchat/edge-gateway:0.1.0-rc.1");
            assertThat(podSpec(rendered.get("edge", "Deployment"))
                            .path("imagePullSecrets")
                            .path(0)
                            .path("name")
                            .asText())
                    .isEqualTo("registry-credentials");
            JsonNode statefulSet = rendered.get("domain-streams", "StatefulSet");
            assertThat(statefulSet.path("spec").path("replicas").asInt()).isEqualTo(3);
            assertThat(statefulSet
                            .path("spec")
                            .path("volumeClaimTemplates")
                            .path(0)
                            .path("spec")
                            .path("storageClassName")
                            .asText())
                    .isEqualTo("fast-ssd");
            assertThat(rendered.configMapData("domain-streams")
                            .path("HUMANCHAT_STREAMS_STANDBY_REPLICAS")
                            .asText())
                    .isEqualTo("2");
            assertThat(rendered.get("edge", "HorizontalPodAutoscaler")
                            .path("spec")
                            .path("minReplicas")
                            .asInt())
                    .isEqualTo(3);
        }

        @Test
        void sharesKafkaSettingsWithEveryWorkloadAndKeepsWorkloadSettingsApart() {
            for (String component : List.of("edge", "domain-streams", "projector", "sam-worker", "payments-worker")) {
                JsonNode data = rendered.configMapData(component);
                assertThat(data.path("HUMANCHAT_KAFKA_REPLICATION").asText()).isEqualTo("3");
                assertThat(data.path("HUMANCHAT_KAFKA_BOOTSTRAP").asText()).startsWith("kafka-0.kafka:9092,");
            }
            assertThat(rendered.configMapData("projector")
                            .path("HUMANCHAT_PROJECTOR_THREADS")
                            .asText())
                    .isEqualTo("4");
            assertThat(rendered.configMapData("edge").has("HUMANCHAT_PROJECTOR_THREADS"))
                    .isFalse();
        }

        @Test
        void readsSecretsFromTheExistingSecretOnly() {
            assertThat(rendered.ofKind("Secret")).isEmpty();
            assertThat(firstContainer(rendered.get("migrations", "Job"))
                            .path("env")
                            .findValues("secretKeyRef"))
                    .allSatisfy(ref -> assertThat(ref.path("name").asText()).isEqualTo("humanchat-prod-secrets"));
        }
    }

    @Test
    void refusesValuesTheSchemaForbids() {
        assertThatThrownBy(() -> HumanChatChart.render(Map.of("edge.replicas", "two")))
                .hasMessageContaining("values don't meet the specifications of the schema");
        assertThatThrownBy(() -> HumanChatChart.render(Map.of("edge.config.SEND_WAIT_MS", "10")))
                .hasMessageContaining("SEND_WAIT_MS");
        // A chart-made Secret needs at least the edge's secrets, and a real JWT key.
        assertThatThrownBy(() -> HumanChatChart.render(Map.of("secrets.existingSecret", "")))
                .hasMessageContaining("HUMANCHAT_JWT_SECRET");
    }
}
