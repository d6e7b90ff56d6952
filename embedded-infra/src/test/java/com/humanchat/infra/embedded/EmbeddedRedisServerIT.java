package com.humanchat.infra.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class EmbeddedRedisServerIT {

    @Test
    void refusesConnectionsWhileStoppedAndComesBackEmptyOnTheSamePort() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0)) {
            assertThat(redis.url()).isEqualTo("redis://127.0.0.1:" + redis.port());
            try (RespConnection connection = RespConnection.open(redis.host(), redis.port())) {
                assertThat(connection.command("SET", "greeting", "hello")).isEqualTo("+OK");
                assertThat(connection.command("GET", "greeting")).isEqualTo("hello");
            }

            redis.stop();

            assertThat(redis.isRunning()).isFalse();
            assertThatThrownBy(() -> RespConnection.open(redis.host(), redis.port()))
                    .isInstanceOf(ConnectException.class);

            redis.start();

            try (RespConnection connection = RespConnection.open(redis.host(), redis.port())) {
                assertThat(connection.command("GET", "greeting")).isNull();
                assertThat(connection.command("SET", "greeting", "again")).isEqualTo("+OK");
                assertThat(connection.command("GET", "greeting")).isEqualTo("again");
            }
        }
    }

    @Test
    void keepsNothingOnDisk() throws Exception {
        try (EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
                RespConnection connection = RespConnection.open(redis.host(), redis.port())) {
            assertThat(connection.arrayCommand("CONFIG", "GET", "save")).containsExactly("save", "");
            assertThat(connection.arrayCommand("CONFIG", "GET", "appendonly")).containsExactly("appendonly", "no");
            assertThat(connection.arrayCommand("CONFIG", "GET", "bind")).containsExactly("bind", "127.0.0.1");
        }
    }
}
