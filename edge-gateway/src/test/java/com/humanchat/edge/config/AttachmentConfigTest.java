package com.humanchat.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.humanchat.schemas.config.InvalidConfigurationException;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttachmentConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("HUMANCHAT_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
        env.put("HUMANCHAT_PG_URL", "postgresql://edge:pw@db.internal:5433/humanchat");
        env.put("HUMANCHAT_REDIS_URL", "redis://127.0.0.1:6379");
        env.put("HUMANCHAT_JWT_SECRET", "0123456789abcdef0123456789abcdef");
        return env;
    }

    @Test
    void attachmentsAreOffWithoutAFolderOrABucketAndTheLimitsHaveTheirDefaults() {
        AttachmentConfig config = EdgeConfig.fromEnv(minimal()).attachments();

        assertThat(config.directory()).isNull();
        assertThat(config.s3()).isNull();
        assertThat(config.maxBytes()).isEqualTo(26_214_400);
        assertThat(config.allowedTypes())
                .containsExactlyInAnyOrder(
                        "image/jpeg", "image/png", "image/gif", "application/pdf", "text/plain", "application/zip");
        assertThat(config.storageOrigin()).isNull();
    }

    @Test
    void aBucketWinsOverTheFolderAndNamesTheOriginBrowsersTalkTo() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_ATTACHMENT_DIR", "/var/lib/humanchat/attachments");
        env.put("HUMANCHAT_S3_BUCKET", "files");
        env.put("HUMANCHAT_S3_ENDPOINT", "https://minio.internal:9000");
        env.put("HUMANCHAT_S3_PATH_STYLE", "true");

        AttachmentConfig config = EdgeConfig.fromEnv(env).attachments();

        assertThat(config.directory()).isEqualTo(Path.of("/var/lib/humanchat/attachments"));
        assertThat(config.s3().endpoint()).isEqualTo(URI.create("https://minio.internal:9000"));
        assertThat(config.storageOrigin()).isEqualTo("https://minio.internal:9000");
        env.remove("HUMANCHAT_S3_ENDPOINT");
        env.put("HUMANCHAT_S3_REGION", "eu-west-1");
        env.put("HUMANCHAT_S3_PATH_STYLE", "false");
        assertThat(EdgeConfig.fromEnv(env).attachments().storageOrigin())
                .isEqualTo("https://files.s3.eu-west-1.amazonaws.com");
    }

    @Test
    void refusesTypesABrowserWouldRunAndHalfAKeyPair() {
        Map<String, String> env = minimal();
        env.put("HUMANCHAT_ATTACHMENT_TYPES", "image/png,text/html,not a type");
        env.put("HUMANCHAT_S3_BUCKET", "files");
        env.put("HUMANCHAT_S3_ACCESS_KEY_ID", "AKIA");

        InvalidConfigurationException refused =
                catchThrowableOfType(InvalidConfigurationException.class, () -> EdgeConfig.fromEnv(env));

        assertThat(refused.getMessage())
                .contains("HUMANCHAT_ATTACHMENT_TYPES must not allow text/html")
                .contains("HUMANCHAT_ATTACHMENT_TYPES entries must be content types like image/png, not 'not a type'")
                .contains("HUMANCHAT_S3_ACCESS_KEY_ID and HUMANCHAT_S3_SECRET_ACCESS_KEY are set together");
    }
}
