package com.humanchat.edge.auth;

import com.humanchat.edge.http.ProblemException;
import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Argon2id password hashing (OWASP: m = 19 MiB, t = 2, p = 1; PHC strings) on the bounded {@value #POOL_NAME}
 * worker pool, never on an event loop; past {@link #MAX_PENDING} queued jobs callers get a 503 instead of an
 * ever longer wait.
 */
public final class PasswordHasher implements AutoCloseable {

    public static final String POOL_NAME = "password-hashing";
    public static final int POOL_SIZE = 2;
    public static final int MAX_PENDING = 64;

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    static final int HASH_BYTES = 32;
    static final int SALT_BYTES = 16;

    private static final Argon2Function ARGON2 = Argon2Function.getInstance(
            MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);

    private final WorkerExecutor workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile String dummyHash;

    public PasswordHasher(Vertx vertx) {
        this.workers = vertx.createSharedWorkerExecutor(POOL_NAME, POOL_SIZE);
    }

    /** The PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) of {@code password}. */
    public Future<String> hash(String password) {
        return run(() -> hashNow(password));
    }

    /** Whether {@code password} matches {@code phcHash}; the parameters are read from the hash itself. */
    public Future<Boolean> verify(String password, String phcHash) {
        return run(() -> verifyNow(password, phcHash));
    }

    /**
     * Does the work of a verification against a hash nobody owns and answers {@code false}, so that an unknown
     * email costs as much time as a wrong password.
     */
    public Future<Boolean> verifyAgainstDummy(String password) {
        return run(() -> {
            String dummy = dummyHash;
            if (dummy == null) {
                dummy = hashNow("dummy-password-for-unknown-accounts");
                dummyHash = dummy;
            }
            verifyNow(password, dummy);
            return false;
        });
    }

    private static String hashNow(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(ARGON2).getResult();
    }

    private static boolean verifyNow(String password, String phcHash) {
        try {
            return Password.check(password, phcHash).with(Argon2Function.getInstanceFromHash(phcHash));
        } catch (RuntimeException unreadableHash) {
            return false;
        }
    }

    private <T> Future<T> run(Callable<T> job) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            return Future.failedFuture(ProblemException.unavailable("too many sign-ins in progress; retry shortly", 1));
        }
        return workers.executeBlocking(job, false).andThen(done -> pending.decrementAndGet());
    }

    @Override
    public void close() {
        workers.close();
    }
}
