package com.humanchat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What can be checked of the Dockerfiles without a Docker engine: multi-stage, a JRE 21 runtime, a numeric non-root
 * user, the documented entry point, and compose building each image from the repository root with that file.
 */
class DockerfileTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "edge-gateway,   humanchat/edge-gateway,   edge,           com.humanchat.edge.EdgeMain",
        "domain-streams, humanchat/domain-streams, domain-streams, com.humanchat.streams.app.DomainStreamsMain",
        "migrations,     humanchat/migrations,     migrate,        com.humanchat.migrations.Migrate",
        "sam-worker,     humanchat/sam-worker,     sam-worker,     com.humanchat.sam.SamWorkerMain",
        "payments-worker, humanchat/payments-worker, payments-worker, com.humanchat.payments.PaymentsWorkerMain",
        "notifier,        humanchat/notifier,        notifier,        com.humanchat.notifier.NotifierMain"
    })
    void buildsAMultiStageNonRootJre21Image(String module, String image, String composeService, String mainClass) {
        String dockerfile = RepositoryFiles.read(module + "/Dockerfile");

        assertThat(dockerfile).containsPattern("(?m)^FROM maven:3-eclipse-temurin-21 AS build$");
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:21-jre$");
        assertThat(dockerfile).contains("-pl " + module + " -am package");
        assertThat(Pattern.compile("(?m)^USER (\\d+):(\\d+)$").matcher(dockerfile))
                .as("a numeric non-root USER")
                .satisfies(m -> {
                    assertThat(m.find()).isTrue();
                    assertThat(Integer.parseInt(m.group(1))).isGreaterThanOrEqualTo(1000);
                });
        assertThat(dockerfile).contains(mainClass);

        JsonNode service = DockerComposeTest.readCompose().path("services").path(composeService);
        assertThat(service.path("build").path("context").asText()).isEqualTo(".");
        assertThat(service.path("build").path("dockerfile").asText()).isEqualTo(module + "/Dockerfile");
        assertThat(service.path("image").asText()).startsWith(image + ":");
    }
}
