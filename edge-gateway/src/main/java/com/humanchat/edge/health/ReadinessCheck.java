package com.humanchat.edge.health;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Probes every dependency in parallel, each bounded by a short timeout, and never fails: a probe that errs is DOWN. */
public final class ReadinessCheck {

    static final long PROBE_TIMEOUT_MILLIS = 2000;

    private final KafkaClusterProbe kafka;
    private final Pool postgres;
    private final Redis redis;
    private final BooleanSupplier fanOutHealthy;

    public ReadinessCheck(KafkaClusterProbe kafka, Pool postgres, Redis redis, BooleanSupplier fanOutHealthy) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
        this.fanOutHealthy = fanOutHealthy;
    }

    public Future<ReadinessReport> check() {
        Future<Boolean> kafkaUp = bounded(kafka.isUp());
        Future<Boolean> postgresUp =
                bounded(postgres.query("select 1").execute().map(rows -> rows.size() == 1));
        Future<Boolean> redisUp = bounded(redis.send(Request.cmd(Command.PING)).map(response -> response != null));
        return Future.join(kafkaUp, postgresUp, redisUp)
                .transform(ignored -> Future.succeededFuture(new ReadinessReport(
                        upOrDown(kafkaUp), upOrDown(postgresUp), upOrDown(redisUp), fanOutHealthy.getAsBoolean())));
    }

    private static Future<Boolean> bounded(Future<Boolean> probe) {
        return probe.timeout(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).otherwise(false);
    }

    private static boolean upOrDown(Future<Boolean> probe) {
        return probe.succeeded() && Boolean.TRUE.equals(probe.result());
    }
}
