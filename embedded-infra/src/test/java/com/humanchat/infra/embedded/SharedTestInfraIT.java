package com.humanchat.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

class SharedTestInfraIT {

    @Test
    void isOnePerJvm() {
        assertThat(SharedTestInfra.get()).isSameAs(SharedTestInfra.get());
    }

    @Test
    void servesABrokerARedisAndFreshDatabases() throws Exception {
        SharedTestInfra infra = SharedTestInfra.get();

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra.kafkaBootstrap()))) {
            assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
                    .hasSize(1);
        }

        URI redis = URI.create(infra.redisUrl());
        try (RespConnection connection = RespConnection.open(redis.getHost(), redis.getPort())) {
            assertThat(connection.command("PING")).isEqualTo("+PONG");
        }

        DatabaseCoordinates first = infra.newDatabase("SharedTestInfraIT");
        DatabaseCoordinates second = infra.newDatabase("SharedTestInfraIT");
        assertThat(first.database()).isNotEqualTo(second.database()).startsWith("sharedtestinfrait_");
        for (DatabaseCoordinates database : new DatabaseCoordinates[] {first, second}) {
            try (Connection connection =
                            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(database.database());
            }
        }
    }

    @Test
    void usesTheOperatorsServersWhenTheirVariablesAreSet() {
        SharedTestInfra infra = new SharedTestInfra(Map.of(
                SharedTestInfra.KAFKA_BOOTSTRAP_VARIABLE, "kafka.internal:9092",
                SharedTestInfra.PG_URL_VARIABLE, "postgresql://chat:pw@db.internal:6543/main",
                SharedTestInfra.REDIS_URL_VARIABLE, "redis://cache.internal:6379"));

        assertThat(infra.kafkaBootstrap()).isEqualTo("kafka.internal:9092");
        assertThat(infra.redisUrl()).isEqualTo("redis://cache.internal:6379");
        assertThat(infra.postgresAddress())
                .isEqualTo(new PostgresServerAddress("db.internal", 6543, "chat", "pw", "main"));
        assertThat(infra.hasEmbeddedKafka()).isFalse();
        assertThat(infra.hasEmbeddedRedis()).isFalse();
        assertThatThrownBy(infra::embeddedKafka).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(infra::embeddedRedis).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void treatsBlankVariablesAsUnset() {
        SharedTestInfra infra = new SharedTestInfra(Map.of(SharedTestInfra.KAFKA_BOOTSTRAP_VARIABLE, " "));

        assertThat(infra.hasEmbeddedKafka()).isTrue();
        assertThat(infra.hasEmbeddedRedis()).isTrue();
    }

    @Test
    void namesDatabasesReadablyAndUniquely() {
        SharedTestInfra infra = new SharedTestInfra(Map.of());

        String first = infra.uniqueDatabaseName("My-Test.Class");
        String second = infra.uniqueDatabaseName("My-Test.Class");

        assertThat(first).startsWith("my_test_class_").isNotEqualTo(second);
        assertThat(infra.uniqueDatabaseName("42things")).startsWith("db_42things_");
        assertThat(infra.uniqueDatabaseName("x".repeat(200))).hasSizeLessThanOrEqualTo(63);
        PostgresServerAddress.requireDatabaseName(infra.uniqueDatabaseName("x".repeat(200)));
    }
}
