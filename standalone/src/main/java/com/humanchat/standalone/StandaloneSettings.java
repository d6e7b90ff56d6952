package com.humanchat.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the standalone needs beyond the services' own variables: the data folder and which dependencies are
 * given from outside ({@code HUMANCHAT_KAFKA_BOOTSTRAP}, {@code HUMANCHAT_PG_URL}, {@code HUMANCHAT_REDIS_URL});
 * whatever is not given runs embedded.
 */
record StandaloneSettings(Path dataDir, String kafkaBootstrap, String pgUrl, String redisUrl) {

    static final String DATA_DIR = "HUMANCHAT_DATA_DIR";
    static final String JWT_SECRET = "HUMANCHAT_JWT_SECRET";

    static StandaloneSettings fromEnv(Map<String, String> env) {
        Path dataDir =
                Path.of(env.getOrDefault(DATA_DIR, "./var")).toAbsolutePath().normalize();
        return new StandaloneSettings(
                dataDir,
                blankToNull(env.get("HUMANCHAT_KAFKA_BOOTSTRAP")),
                blankToNull(env.get("HUMANCHAT_PG_URL")),
                blankToNull(env.get("HUMANCHAT_REDIS_URL")));
    }

    /**
     * The environment the services are configured from: the operator's variables, plus the addresses of the
     * embedded servers and the data folder's signing key wherever the operator gave none, and - when the operator
     * configured no mail server - the development outbox, so that a new user can follow their verification link.
     */
    static Map<String, String> serviceEnvironment(
            Map<String, String> operatorEnv, String kafkaBootstrap, String pgUrl, String redisUrl, String jwtSecret) {
        Map<String, String> env = new HashMap<>(operatorEnv);
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("HUMANCHAT_PG_URL", pgUrl);
        env.put("HUMANCHAT_REDIS_URL", redisUrl);
        env.putIfAbsent(JWT_SECRET, jwtSecret);
        if (blankToNull(env.get("HUMANCHAT_SMTP_HOST")) == null) {
            env.putIfAbsent("HUMANCHAT_DEV_OUTBOX", "true");
        }
        return env;
    }

    /** The signing key kept in the data folder (created once, owner-only), so tokens survive a restart. */
    static String jwtSecretIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve("jwt-secret");
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        Files.createDirectories(dataDir);
        Files.writeString(file, secret);
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Best effort on file systems without POSIX permissions.
        }
        return secret;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
