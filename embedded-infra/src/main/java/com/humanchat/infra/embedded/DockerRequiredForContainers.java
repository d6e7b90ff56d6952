package com.humanchat.infra.embedded;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Under {@code -Ptestcontainers} on a machine without a Docker engine, every test class is disabled with
 * {@value ContainerServers#SKIP_MESSAGE}: reported skipped, never passed without having run. Registered through
 * {@code META-INF/services} and active where the profile turns on JUnit's extension auto-detection; outside the profile
 * it enables everything.
 */
public final class DockerRequiredForContainers implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!SharedTestInfra.containersRequested()) {
            return ConditionEvaluationResult.enabled("embedded servers (no -Ptestcontainers)");
        }
        return ContainerServers.dockerAvailable()
                ? ConditionEvaluationResult.enabled("Docker engine found: Kafka, PostgreSQL and Redis containers")
                : ConditionEvaluationResult.disabled(ContainerServers.SKIP_MESSAGE);
    }
}
