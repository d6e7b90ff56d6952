package com.humanchat.schemas.config;

import java.util.List;

/**
 * Every {@code HUMANCHAT_*} setting of every service, declared once: its name, its default as the README's
 * configuration table shows it, and its meaning. The services read them through {@link EnvironmentReader}, the
 * README's table is checked against this list ({@code SettingsDocumentedTest}), and no other source file names a
 * variable.
 */
public final class Settings {

    private Settings() {}

    public static final Setting HTTP_PORT = new Setting(
            "HUMANCHAT_HTTP_PORT",
            "`8080`",
            "edge HTTP/WebSocket port (the API, `/ws`, the web client, status-only `/health/*`)");

    public static final Setting DATA_DIR = new Setting(
            "HUMANCHAT_DATA_DIR",
            "`./var`",
            "standalone data folder (embedded Kafka, PostgreSQL, the generated JWT key)");

    public static final Setting KAFKA_BOOTSTRAP =
            new Setting("HUMANCHAT_KAFKA_BOOTSTRAP", "embedded broker (standalone)", "Kafka bootstrap servers");

    public static final Setting PG_URL = new Setting(
            "HUMANCHAT_PG_URL",
            "embedded PostgreSQL (standalone)",
            "`postgresql://user:pw@host:port/db` or `jdbc:postgresql://…`");

    public static final Setting REDIS_URL =
            new Setting("HUMANCHAT_REDIS_URL", "embedded Redis (standalone)", "`redis://host:port`");

    public static final Setting JWT_SECRET = new Setting(
            "HUMANCHAT_JWT_SECRET", "generated into the data dir (standalone)", "HS256 signing key, ≥ 32 bytes");

    public static final Setting ADMIN_EMAILS = new Setting(
            "HUMANCHAT_ADMIN_EMAILS",
            "—",
            "comma-separated emails that get the `admin` role once their owner verified the address (never at registration)");

    public static final Setting ATTACHMENT_MAX_BYTES = new Setting(
            "HUMANCHAT_ATTACHMENT_MAX_BYTES",
            "`26214400`",
            "largest file or image a user may upload (bytes; 25 MiB); a larger one is refused with 413");

    public static final Setting ATTACHMENT_TYPES = new Setting(
            "HUMANCHAT_ATTACHMENT_TYPES",
            "`image/jpeg,image/png,image/gif,application/pdf,text/plain,application/zip`",
            "comma-separated content types a user may upload (HTML, SVG and XML never); any other is refused with 415");

    public static final Setting ATTACHMENT_URL_TTL_SECONDS = new Setting(
            "HUMANCHAT_ATTACHMENT_URL_TTL_SECONDS",
            "`300`",
            "how long a signed upload or download URL of an attachment stays valid");

    public static final Setting ATTACHMENT_DIR = new Setting(
            "HUMANCHAT_ATTACHMENT_DIR",
            "the data folder's `attachments/` (standalone)",
            "folder that keeps attachments on disk when no S3 bucket is set (the edge then signs and serves their URLs);"
                    + " unset with no bucket = attachments are off (503)");

    public static final Setting S3_BUCKET = new Setting(
            "HUMANCHAT_S3_BUCKET", "—", "S3 bucket of attachments; set = they are stored through the S3 API");

    public static final Setting S3_ENDPOINT = new Setting(
            "HUMANCHAT_S3_ENDPOINT",
            "—",
            "endpoint of an S3-compatible store (MinIO, Ceph, R2…); unset = AWS's endpoint of the region");

    public static final Setting S3_REGION =
            new Setting("HUMANCHAT_S3_REGION", "`us-east-1`", "region of the S3 bucket");

    public static final Setting S3_ACCESS_KEY_ID = new Setting(
            "HUMANCHAT_S3_ACCESS_KEY_ID", "—", "S3 access key; unset = the AWS SDK's default credentials chain");

    public static final Setting S3_SECRET_ACCESS_KEY =
            new Setting("HUMANCHAT_S3_SECRET_ACCESS_KEY", "—", "S3 secret key (with the access key)");

    public static final Setting S3_PATH_STYLE = new Setting(
            "HUMANCHAT_S3_PATH_STYLE",
            "`false`",
            "address the bucket in the path (`endpoint/bucket/key`), as most S3-compatible stores want");

    public static final Setting SMTP_HOST = new Setting(
            "HUMANCHAT_SMTP_HOST",
            "—",
            "SMTP server for verification e-mails (Jakarta Mail); unset = no e-mail is sent");

    public static final Setting SMTP_PORT = new Setting("HUMANCHAT_SMTP_PORT", "`587`", "SMTP port");

    public static final Setting SMTP_USERNAME =
            new Setting("HUMANCHAT_SMTP_USERNAME", "—", "SMTP user; unset = no SMTP authentication");

    public static final Setting SMTP_PASSWORD = new Setting("HUMANCHAT_SMTP_PASSWORD", "—", "SMTP password");

    public static final Setting SMTP_STARTTLS =
            new Setting("HUMANCHAT_SMTP_STARTTLS", "`true`", "require STARTTLS on the SMTP connection");

    public static final Setting SMTP_FROM =
            new Setting("HUMANCHAT_SMTP_FROM", "`HumanChat <no-reply@humanchat.local>`", "sender of the e-mails");

    public static final Setting PUBLIC_URL = new Setting(
            "HUMANCHAT_PUBLIC_URL",
            "`http://localhost:<HUMANCHAT_HTTP_PORT>`",
            "where users open the web client; verification links point to `<url>/verify-email?token=…`, and Stripe"
                    + " sends a host back from onboarding to `<url>/#/settings?stripe=return`");

    public static final Setting DEV_OUTBOX = new Setting(
            "HUMANCHAT_DEV_OUTBOX",
            "`false` (`true` in the standalone)",
            "development only, without SMTP: e-mails are not sent, their links are logged and listed at `GET /dev/outbox`; refused together with `HUMANCHAT_SMTP_HOST`");

    public static final Setting SEND_WAIT_MS = new Setting(
            "HUMANCHAT_SEND_WAIT_MS", "`3000`", "how long a send waits for the topology before answering 202");

    public static final Setting KAFKA_DELIVERY_TIMEOUT_MS =
            new Setting("HUMANCHAT_KAFKA_DELIVERY_TIMEOUT_MS", "`5000`", "Kafka acknowledgement deadline before a 503");

    public static final Setting MAX_BODY_BYTES =
            new Setting("HUMANCHAT_MAX_BODY_BYTES", "`65536`", "request body limit (413 beyond)");

    public static final Setting WS_SEND_QUEUE_FRAMES = new Setting(
            "HUMANCHAT_WS_SEND_QUEUE_FRAMES",
            "`1024`",
            "per-socket send queue; a socket that stays behind is closed with 1013");

    public static final Setting RATE_LIMIT_USER_PER_MINUTE = new Setting(
            "HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE",
            "`600`",
            "REST requests per user per minute per edge replica (429 + `Retry-After` beyond)");

    public static final Setting RATE_LIMIT_IP_AUTH_PER_MINUTE = new Setting(
            "HUMANCHAT_RATE_LIMIT_IP_AUTH_PER_MINUTE",
            "`30`",
            "register/login/refresh attempts per client address per minute, shared by every edge replica through Redis (429 + `Retry-After` beyond)");

    public static final Setting TRUSTED_PROXIES = new Setting(
            "HUMANCHAT_TRUSTED_PROXIES",
            "—",
            "comma-separated addresses/CIDR blocks of our own proxies; only from them is `X-Forwarded-For` read (right-most untrusted address = the client)");

    public static final Setting SIGN_IN_LOCKOUT_FAILURES = new Setting(
            "HUMANCHAT_SIGN_IN_LOCKOUT_FAILURES",
            "`5`",
            "failed sign-ins of one account (across replicas) before it is locked, the right password included (429 `sign-in-locked` + `Retry-After`); a success forgets them");

    public static final Setting SIGN_IN_LOCKOUT_SECONDS =
            new Setting("HUMANCHAT_SIGN_IN_LOCKOUT_SECONDS", "`30`", "the first lock; doubled by each further failure");

    public static final Setting SIGN_IN_LOCKOUT_MAX_SECONDS =
            new Setting("HUMANCHAT_SIGN_IN_LOCKOUT_MAX_SECONDS", "`900`", "the longest lock");

    public static final Setting ADMIN_TWO_FACTOR_REQUIRED = new Setting(
            "HUMANCHAT_ADMIN_TWO_FACTOR_REQUIRED",
            "`false`",
            "`true`: an admin without confirmed two-factor sign-in (TOTP) is refused every `/api/admin` route (403 `two-factor-enrolment-required`) until they enrol");

    public static final Setting ACCOUNT_DELETION_GRACE_HOURS = new Setting(
            "HUMANCHAT_ACCOUNT_DELETION_GRACE_HOURS",
            "`168`",
            "how long a requested account deletion waits (the owner may cancel) before the account is erased");

    public static final Setting RATE_LIMIT_WS_FRAMES_PER_SECOND = new Setting(
            "HUMANCHAT_RATE_LIMIT_WS_FRAMES_PER_SECOND",
            "`50`",
            "client frames per socket per second (`error {code: \"rate_limited\"}` beyond; the socket stays open)");

    public static final Setting WS_MAX_SOCKETS_PER_USER = new Setting(
            "HUMANCHAT_WS_MAX_SOCKETS_PER_USER",
            "`20`",
            "concurrent sockets per user per edge replica (429 on the next upgrade)");

    public static final Setting WS_MAX_SOCKETS = new Setting(
            "HUMANCHAT_WS_MAX_SOCKETS",
            "4/5 of the open-file limit",
            "sockets one edge replica holds (503 + `Retry-After` on the next upgrade); the rest of the descriptors stay for Kafka, PostgreSQL and files");

    public static final Setting PRESENCE_TTL_SECONDS = new Setting(
            "HUMANCHAT_PRESENCE_TTL_SECONDS",
            "`30`",
            "a crashed edge replica's users go offline (pushed to their co-members) within this");

    public static final Setting ICE_SERVERS = new Setting(
            "HUMANCHAT_ICE_SERVERS",
            "—",
            "comma-separated STUN/TURN URLs given to session participants for their video call");

    public static final Setting CORS_ORIGINS = new Setting(
            "HUMANCHAT_CORS_ORIGINS", "—", "comma-separated origins allowed cross-origin; empty = same-origin only");

    public static final Setting ACCESS_TOKEN_TTL_SECONDS =
            new Setting("HUMANCHAT_ACCESS_TOKEN_TTL_SECONDS", "`900`", "access token lifetime");

    public static final Setting REFRESH_TOKEN_TTL_DAYS =
            new Setting("HUMANCHAT_REFRESH_TOKEN_TTL_DAYS", "`30`", "refresh token lifetime");

    public static final Setting EDGE_INSTANCES =
            new Setting("HUMANCHAT_EDGE_INSTANCES", "CPU count", "edge verticle instances (event loops) per process");

    public static final Setting REPLICA_ID =
            new Setting("HUMANCHAT_REPLICA_ID", "random", "name of this edge replica in logs and metrics");

    public static final Setting KAFKA_PARTITIONS =
            new Setting("HUMANCHAT_KAFKA_PARTITIONS", "`12`", "partitions of each topic created at start");

    public static final Setting KAFKA_REPLICATION = new Setting(
            "HUMANCHAT_KAFKA_REPLICATION", "`1`", "replication factor of created topics and Streams internal topics");

    public static final Setting STREAMS_STATE_DIR = new Setting(
            "HUMANCHAT_STREAMS_STATE_DIR", "`$HUMANCHAT_DATA_DIR/streams`", "RocksDB state of the Streams apps");

    public static final Setting STREAMS_THREADS =
            new Setting("HUMANCHAT_STREAMS_THREADS", "`1`", "stream threads per topology");

    public static final Setting STREAMS_STANDBY_REPLICAS =
            new Setting("HUMANCHAT_STREAMS_STANDBY_REPLICAS", "`0`", "warm standby copies of each store");

    public static final Setting STREAMS_INSTANCE_ID = new Setting(
            "HUMANCHAT_STREAMS_INSTANCE_ID",
            "—",
            "a stable name for this Streams instance (the chart sets the pod name): its consumers become static group members, so a restarted instance gets its tasks back at once instead of after the killed one's session timeout (45 s) and a rebalance");

    public static final Setting STREAMS_COMMIT_INTERVAL_MS = new Setting(
            "HUMANCHAT_STREAMS_COMMIT_INTERVAL_MS",
            "`1000`",
            "offset commit interval (bounds reprocessing after a crash, not latency)");

    public static final Setting DEDUPE_RETENTION_HOURS = new Setting(
            "HUMANCHAT_DEDUPE_RETENTION_HOURS", "`25` (min 24)", "how long a `clientMessageId` stays deduplicated");

    public static final Setting METRICS_INTERVAL_SECONDS = new Setting(
            "HUMANCHAT_METRICS_INTERVAL_SECONDS",
            "`5`",
            "how often the metrics topology publishes the live admin figures (`GET /api/admin/metrics`)");

    public static final Setting BOOKING_HORIZON_DAYS = new Setting(
            "HUMANCHAT_BOOKING_HORIZON_DAYS",
            "`90`",
            "how far ahead a session may be booked (1–3650); a start beyond it, or not in the future, is refused with 422");

    public static final Setting MAX_PENDING_REQUESTS_PER_HOST = new Setting(
            "HUMANCHAT_MAX_PENDING_REQUESTS_PER_HOST",
            "`3`",
            "how many requests one guest may have waiting for one host's answer (1–100); more → 409 `too-many-pending-requests`");

    public static final Setting RESCHEDULE_MIN_NOTICE_MINUTES = new Setting(
            "HUMANCHAT_RESCHEDULE_MIN_NOTICE_MINUTES",
            "`120`",
            "how long before a session's current start it may still be rescheduled (0–10080); later → 409 `reschedule-too-late`");

    public static final Setting SESSION_COMPLETE_GRACE_MINUTES = new Setting(
            "HUMANCHAT_SESSION_COMPLETE_GRACE_MINUTES",
            "`15`",
            "how long past its scheduled end a session in progress runs before the platform completes it (0–1440)");

    public static final Setting PROJECTOR_THREADS =
            new Setting("HUMANCHAT_PROJECTOR_THREADS", "`1`", "projector consumer threads (same consumer group)");

    public static final Setting PROJECTOR_MAX_BATCH =
            new Setting("HUMANCHAT_PROJECTOR_MAX_BATCH", "`500`", "records per projector transaction");

    public static final Setting GEMINI_API_KEY = new Setting(
            "HUMANCHAT_GEMINI_API_KEY", "—", "Gemini key of the sam-worker; without it Sam answers \"not configured\"");

    public static final Setting GEMINI_MODEL =
            new Setting("HUMANCHAT_GEMINI_MODEL", "`gemini-2.5-flash`", "Gemini model Sam talks to");

    public static final Setting GEMINI_BASE_URL = new Setting(
            "HUMANCHAT_GEMINI_BASE_URL",
            "Google's endpoint",
            "another Gemini endpoint (a proxy, or a local fake in tests)");

    public static final Setting SAM_MAX_IN_FLIGHT = new Setting(
            "HUMANCHAT_SAM_MAX_IN_FLIGHT",
            "`8`",
            "Sam requests answered at once per sam-worker (the rest wait, the consumer pauses)");

    public static final Setting SAM_MAX_BUFFERED = new Setting(
            "HUMANCHAT_SAM_MAX_BUFFERED",
            "`256`",
            "polled Sam requests waiting per sam-worker before its consumer pauses");

    public static final Setting SAM_MAX_ATTEMPTS = new Setting(
            "HUMANCHAT_SAM_MAX_ATTEMPTS",
            "`5`",
            "Gemini calls per turn (429/5xx/timeouts retried) before the request goes to `sam.requests.dlq`");

    public static final Setting SAM_RETRY_INITIAL_MS = new Setting(
            "HUMANCHAT_SAM_RETRY_INITIAL_MS",
            "`500`",
            "first retry wait, doubled each time with 25 % jitter; a `Retry-After` replaces it");

    public static final Setting SAM_RETRY_MAX_MS =
            new Setting("HUMANCHAT_SAM_RETRY_MAX_MS", "`30000`", "longest retry wait, `Retry-After` included");

    public static final Setting SAM_TIMEOUT_MS =
            new Setting("HUMANCHAT_SAM_TIMEOUT_MS", "`30000`", "one Gemini call's deadline (a timeout is retried)");

    public static final Setting SAM_HISTORY_TURNS = new Setting(
            "HUMANCHAT_SAM_HISTORY_TURNS", "`20`", "last messages of the Sam conversation sent with each request");

    public static final Setting SAM_HTTP_PORT =
            new Setting("HUMANCHAT_SAM_HTTP_PORT", "`8091`", "sam-worker `/metrics`, `/health/live`, `/health/ready`");

    public static final Setting STRIPE_WEBHOOK_SECRET = new Setting(
            "HUMANCHAT_STRIPE_WEBHOOK_SECRET",
            "—",
            "Stripe webhook endpoint secret (`whsec_…`) that `POST /api/payments/webhooks` verifies signatures with. Unset: payments are not configured and every `/api/payments` route answers 503 \"payments not configured\" (free and donation-mode sessions still work)");

    public static final Setting STRIPE_API_KEY =
            new Setting("HUMANCHAT_STRIPE_API_KEY", "required", "the platform account's secret key (`sk_…`)");

    public static final Setting STRIPE_API_BASE = new Setting(
            "HUMANCHAT_STRIPE_API_BASE",
            "Stripe's",
            "only to point the SDK at another endpoint (a proxy, the tests' local server)");

    public static final Setting PLATFORM_FEE_BPS = new Setting(
            "HUMANCHAT_PLATFORM_FEE_BPS",
            "`1000`",
            "platform fee in basis points of the price (`application_fee_amount` = price × bps / 10000, rounded down), 0..10000");

    public static final Setting REFUND_FULL_BEFORE_HOURS = new Setting(
            "HUMANCHAT_REFUND_FULL_BEFORE_HOURS",
            "`24`",
            "a confirmed paid session cancelled at least this long before its start is refunded in full; later, nothing. An instant session, or one cancelled before it was confirmed, is refunded in full. Give the edge the same value: it previews refunds with it (`GET /api/sessions/:id/cancellation`)");

    public static final Setting PAYMENTS_THREADS = new Setting(
            "HUMANCHAT_PAYMENTS_THREADS", "`4`", "the worker pool's size (partitions processed at once), 1..64");

    public static final Setting PAYMENTS_MAX_POLL_INTERVAL_MS = new Setting(
            "HUMANCHAT_PAYMENTS_MAX_POLL_INTERVAL_MS",
            "`300000`",
            "the consumer's `max.poll.interval.ms`, 1000..3600000; also how long the loop may go without polling before `/health/live` reports it dead (the loop polls on during outages, so only a hung or ended loop gets there)");

    public static final Setting NOTIFY_UNREAD_DELAY_SECONDS = new Setting(
            "HUMANCHAT_NOTIFY_UNREAD_DELAY_SECONDS",
            "`120`",
            "notifier: how long a message stays unread before its recipient gets it in a digest (in-app and e-mail), 1..86400; reading it meanwhile cancels it");

    public static final Setting NOTIFY_MAX_ATTEMPTS = new Setting(
            "HUMANCHAT_NOTIFY_MAX_ATTEMPTS",
            "`5`",
            "notifier: SMTP/push attempts per notification and channel (backoff 500 ms doubling to 30 s) before it goes to `notifications.dlq`, 1..50");

    public static final Setting VAPID_PUBLIC_KEY = new Setting(
            "HUMANCHAT_VAPID_PUBLIC_KEY",
            "generated into the data dir (standalone); else — (Web Push off)",
            "Web Push VAPID public key: the P-256 point, uncompressed, base64url (what `npx web-push generate-vapid-keys` prints); the edge hands it to browsers, the notifier signs with its pair");

    public static final Setting VAPID_PRIVATE_KEY = new Setting(
            "HUMANCHAT_VAPID_PRIVATE_KEY",
            "generated into the data dir (standalone); else —",
            "Web Push VAPID private key (32 bytes, base64url); given together with the public key");

    public static final Setting VAPID_SUBJECT = new Setting(
            "HUMANCHAT_VAPID_SUBJECT",
            "`mailto:` + the `HUMANCHAT_SMTP_FROM` address",
            "the VAPID `sub` claim the push services may contact: `mailto:…` or `https://…`");

    public static final Setting LOG_FORMAT = new Setting(
            "HUMANCHAT_LOG_FORMAT",
            "`text`",
            "`json`: one JSON object per log line (logback's `JsonEncoder`; the edge's lines carry `mdc.requestId` and `mdc.traceId`, taken from a W3C `traceparent` header when the caller sends one, and carried on the commands it publishes as a `traceparent` record header so the back-end services log the same `mdc.traceId`); every HTTP request gets an access line on the logger `humanchat.access`");

    public static final Setting OPS_HTTP_PORT = new Setting(
            "HUMANCHAT_OPS_HTTP_PORT",
            "`8081`",
            "`/metrics`, `/health/live`, `/health/ready` (with every check) of the edge, domain-streams, the projector and the payments worker; never the public port (the standalone's edge serves every in-process service's metrics here)");

    /** All of them, in the README's order. */
    public static final List<Setting> ALL = List.of(
            HTTP_PORT,
            DATA_DIR,
            KAFKA_BOOTSTRAP,
            PG_URL,
            REDIS_URL,
            JWT_SECRET,
            ADMIN_EMAILS,
            SMTP_HOST,
            SMTP_PORT,
            SMTP_USERNAME,
            SMTP_PASSWORD,
            SMTP_STARTTLS,
            SMTP_FROM,
            ATTACHMENT_MAX_BYTES,
            ATTACHMENT_TYPES,
            ATTACHMENT_URL_TTL_SECONDS,
            ATTACHMENT_DIR,
            S3_BUCKET,
            S3_ENDPOINT,
            S3_REGION,
            S3_ACCESS_KEY_ID,
            S3_SECRET_ACCESS_KEY,
            S3_PATH_STYLE,
            PUBLIC_URL,
            DEV_OUTBOX,
            SEND_WAIT_MS,
            KAFKA_DELIVERY_TIMEOUT_MS,
            MAX_BODY_BYTES,
            WS_SEND_QUEUE_FRAMES,
            RATE_LIMIT_USER_PER_MINUTE,
            RATE_LIMIT_IP_AUTH_PER_MINUTE,
            TRUSTED_PROXIES,
            SIGN_IN_LOCKOUT_FAILURES,
            SIGN_IN_LOCKOUT_SECONDS,
            SIGN_IN_LOCKOUT_MAX_SECONDS,
            ADMIN_TWO_FACTOR_REQUIRED,
            ACCOUNT_DELETION_GRACE_HOURS,
            RATE_LIMIT_WS_FRAMES_PER_SECOND,
            WS_MAX_SOCKETS_PER_USER,
            WS_MAX_SOCKETS,
            PRESENCE_TTL_SECONDS,
            ICE_SERVERS,
            CORS_ORIGINS,
            ACCESS_TOKEN_TTL_SECONDS,
            REFRESH_TOKEN_TTL_DAYS,
            EDGE_INSTANCES,
            REPLICA_ID,
            KAFKA_PARTITIONS,
            KAFKA_REPLICATION,
            STREAMS_STATE_DIR,
            STREAMS_THREADS,
            STREAMS_STANDBY_REPLICAS,
            STREAMS_INSTANCE_ID,
            STREAMS_COMMIT_INTERVAL_MS,
            DEDUPE_RETENTION_HOURS,
            METRICS_INTERVAL_SECONDS,
            BOOKING_HORIZON_DAYS,
            MAX_PENDING_REQUESTS_PER_HOST,
            RESCHEDULE_MIN_NOTICE_MINUTES,
            SESSION_COMPLETE_GRACE_MINUTES,
            PROJECTOR_THREADS,
            PROJECTOR_MAX_BATCH,
            GEMINI_API_KEY,
            GEMINI_MODEL,
            GEMINI_BASE_URL,
            SAM_MAX_IN_FLIGHT,
            SAM_MAX_BUFFERED,
            SAM_MAX_ATTEMPTS,
            SAM_RETRY_INITIAL_MS,
            SAM_RETRY_MAX_MS,
            SAM_TIMEOUT_MS,
            SAM_HISTORY_TURNS,
            SAM_HTTP_PORT,
            STRIPE_WEBHOOK_SECRET,
            STRIPE_API_KEY,
            STRIPE_API_BASE,
            PLATFORM_FEE_BPS,
            REFUND_FULL_BEFORE_HOURS,
            PAYMENTS_THREADS,
            PAYMENTS_MAX_POLL_INTERVAL_MS,
            NOTIFY_UNREAD_DELAY_SECONDS,
            NOTIFY_MAX_ATTEMPTS,
            VAPID_PUBLIC_KEY,
            VAPID_PRIVATE_KEY,
            VAPID_SUBJECT,
            LOG_FORMAT,
            OPS_HTTP_PORT);
}
