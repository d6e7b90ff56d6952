package com.humanchat.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private static Vertx vertx;
    private static PasswordHasher hasher;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        hasher = new PasswordHasher(vertx);
    }

    @AfterAll
    static void stop() throws Exception {
        hasher.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.await(30, TimeUnit.SECONDS);
    }

    @Test
    void hashesWithArgon2idAtOwaspParametersAsAPhcString() throws Exception {
        String hash = await(hasher.hash("correct horse battery staple"));

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.split("\\$")).hasSize(6);
    }

    @Test
    void saltsEveryHash() throws Exception {
        assertThat(await(hasher.hash("same password"))).isNotEqualTo(await(hasher.hash("same password")));
    }

    @Test
    void verifiesTheRightPasswordOnly() throws Exception {
        String hash = await(hasher.hash("correct horse battery staple"));

        assertThat(await(hasher.verify("correct horse battery staple", hash))).isTrue();
        assertThat(await(hasher.verify("Correct horse battery staple", hash))).isFalse();
    }

    @Test
    void anUnreadableStoredHashNeverMatches() throws Exception {
        assertThat(await(hasher.verify("whatever", "not-a-phc-string"))).isFalse();
    }

    @Test
    void theDummyCheckNeverMatches() throws Exception {
        assertThat(await(hasher.verifyAgainstDummy("dummy-password-for-unknown-accounts")))
                .isFalse();
    }

    @Test
    void hashesOffTheEventLoopOnTheNamedPool() throws Exception {
        CompletableFuture<Boolean> timerFiredFirst = new CompletableFuture<>();
        vertx.getOrCreateContext().runOnContext(v -> {
            AtomicBoolean timerFired = new AtomicBoolean();
            vertx.setTimer(1, id -> timerFired.set(true));
            // Had the hash run on this event loop, it would be done before the timer could fire.
            hasher.hash("secret password").onComplete(done -> timerFiredFirst.complete(timerFired.get()));
        });

        assertThat(timerFiredFirst.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Thread.getAllStackTraces().keySet())
                .anySatisfy(thread -> assertThat(thread.getName()).startsWith(PasswordHasher.POOL_NAME));
    }
}
