package com.humanchat.standalone;

import com.humanchat.schemas.config.Settings;
import com.humanchat.schemas.config.WebPushKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the standalone needs beyond the services' own variables: the data folder and which dependencies are
 * given from outside ({@code HUMANCHAT_KAFKA_BOOTSTRAP}, {@code HUMANCHAT_PG_URL}, {@code HUMANCHAT_REDIS_URL});
 * whatever is not given runs embedded.
 */
record StandaloneSettings(Path dataDir, String kafkaBootstrap, String pgUrl, String redisUrl) {

    static final String DATA_DIR = Settings.DATA_DIR.name();
    static final String JWT_SECRET = Settings.JWT_SECRET.name();

    static StandaloneSettings fromEnv(Map<String, String> env) {
        Path dataDir =
                Path.of(env.getOrDefault(DATA_DIR, "./var")).toAbsolutePath().normalize();
        return new StandaloneSettings(
                dataDir,
                blankToNull(env.get(Settings.KAFKA_BOOTSTRAP.name())),
                blankToNull(env.get(Settings.PG_URL.name())),
                blankToNull(env.get(Settings.REDIS_URL.name())));
    }

    /**
     * The environment the services are configured from: the operator's variables, plus the addresses of the
     * embedded servers and the data folder's signing key wherever the operator gave none, and - when the operator
     * configured no mail server - the development outbox, so that a new user can follow their verification link.
     */
    static Map<String, String> serviceEnvironment(
            Map<String, String> operatorEnv, String kafkaBootstrap, String pgUrl, String redisUrl, String jwtSecret) {
        Map<String, String> env = new HashMap<>(operatorEnv);
        env.put(Settings.KAFKA_BOOTSTRAP.name(), kafkaBootstrap);
        env.put(Settings.PG_URL.name(), pgUrl);
        env.put(Settings.REDIS_URL.name(), redisUrl);
        env.putIfAbsent(JWT_SECRET, jwtSecret);
        if (blankToNull(env.get(Settings.SMTP_HOST.name())) == null) {
            env.putIfAbsent(Settings.DEV_OUTBOX.name(), "true");
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
        writeOwnerOnly(dataDir, file, secret);
        return secret;
    }

    /**
     * Web Push on without configuration: unless the operator gave VAPID keys, the pair kept in the data folder
     * ({@code vapid-keys}: the public key, then the private key; created once, owner-only) goes into {@code env}, so
     * the browsers' subscriptions, made with its public key, keep working after a restart.
     */
    static void vapidKeysIn(Path dataDir, Map<String, String> env) throws IOException {
        String publicName = Settings.VAPID_PUBLIC_KEY.name();
        String privateName = Settings.VAPID_PRIVATE_KEY.name();
        if (blankToNull(env.get(publicName)) != null || blankToNull(env.get(privateName)) != null) {
            return;
        }
        Path file = dataDir.resolve("vapid-keys");
        if (!Files.exists(file)) {
            WebPushKeys keys = WebPushKeys.generate("unused");
            writeOwnerOnly(dataDir, file, keys.publicKey() + "\n" + keys.privateKey() + "\n");
        }
        List<String> lines = Files.readAllLines(file);
        env.put(publicName, lines.get(0).trim());
        env.put(privateName, lines.get(1).trim());
    }

    private static void writeOwnerOnly(Path dataDir, Path file, String content) throws IOException {
        Files.createDirectories(dataDir);
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Best effort on file systems without POSIX permissions.
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
