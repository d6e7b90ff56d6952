package com.humanchat.edge;

import com.humanchat.edge.account.AccountDeletion;
import com.humanchat.edge.account.DeletionSchedule;
import com.humanchat.edge.account.SignInSessions;
import com.humanchat.edge.account.TwoFactorService;
import com.humanchat.edge.admin.AdminMetrics;
import com.humanchat.edge.admin.AdminService;
import com.humanchat.edge.admin.ModerationService;
import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.auth.PasswordHasher;
import com.humanchat.edge.auth.SuspendedUsers;
import com.humanchat.edge.auth.TokenService;
import com.humanchat.edge.config.EdgeConfig;
import com.humanchat.edge.health.KafkaClusterProbe;
import com.humanchat.edge.health.LivenessChecks;
import com.humanchat.edge.health.ReadinessCheck;
import com.humanchat.edge.identity.EmailVerification;
import com.humanchat.edge.identity.EmailVerificationTokens;
import com.humanchat.edge.identity.IdentityService;
import com.humanchat.edge.identity.ManagerInvitations;
import com.humanchat.edge.identity.RoleGrants;
import com.humanchat.edge.kafka.CommandPublisher;
import com.humanchat.edge.kafka.MetricsSnapshotConsumer;
import com.humanchat.edge.kafka.OutboxRelay;
import com.humanchat.edge.limits.LimitCounters;
import com.humanchat.edge.limits.RateLimits;
import com.humanchat.edge.limits.SignInLockout;
import com.humanchat.edge.mail.DevOutbox;
import com.humanchat.edge.mail.Mailer;
import com.humanchat.edge.metrics.EdgeMetrics;
import com.humanchat.edge.safety.BlockedUsers;
import com.humanchat.edge.safety.ReportService;
import com.humanchat.edge.safety.SafetyService;
import com.humanchat.migrations.PostgresUrl;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one edge process shares between its {@link EdgeServer} instances: PostgreSQL pool, Kafka producer,
 * token service, Redis client, metrics, the identity service with its outbox relay, and the chat module. {@link
 * #create} only builds clients (none connects yet); {@link #start()} starts the background work; {@link #close()}
 * releases everything, blocking client shutdowns on a worker thread.
 */
public final class EdgeServices {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeServices.class);

    static final int PG_POOL_SIZE = 16;

    private final Vertx vertx;
    private final EdgeConfig config;
    private final EdgeMetrics metrics;
    private final Pool pg;
    private final CommandPublisher publisher;
    private final TokenService tokens;
    private final RateLimits rateLimits;
    private final SignInLockout signInLockout;
    private final SuspendedUsers suspendedUsers;
    private final AdminService admin;
    private final BlockedUsers blockedUsers = new BlockedUsers();
    private final SafetyService safety;
    private final ReportService reports;
    private final ModerationService moderation;
    private final BearerAuthHandler bearerAuth;
    private final Redis redis;
    private final PasswordHasher passwordHasher;
    private final OutboxRelay outboxRelay;
    private final IdentityService identity;
    private final KafkaClusterProbe kafkaProbe;
    private final ReadinessCheck readiness;
    private final LivenessChecks liveness = new LivenessChecks();
    private final ChatModule chat;
    private final AdminMetrics adminMetrics = new AdminMetrics();
    private final MetricsSnapshotConsumer metricsSnapshots;
    private final AccountStanding standing;
    private final Mailer mailer;
    private final EmailVerification emailVerification;
    private final ManagerInvitations managerInvitations;
    private final TwoFactorService twoFactor;
    private final SignInSessions signInSessions;
    private final AccountDeletion accountDeletion;
    private final DeletionSchedule deletionSchedule;

    /** Every client built so far is added to {@code built}, so that a failure halfway can release them. */
    private EdgeServices(Vertx vertx, EdgeConfig config, EdgeMetrics metrics, List<AutoCloseable> built) {
        this.vertx = vertx;
        this.config = config;
        this.metrics = metrics;
        this.pg = createPool(vertx, config);
        built.add(pg::close);
        this.redis = Redis.createClient(
                vertx,
                new RedisOptions()
                        .setConnectionString(config.redisUrl())
                        .setMaxPoolSize(8)
                        .setMaxPoolWaiting(64));
        built.add(redis::close);
        this.passwordHasher = new PasswordHasher(vertx);
        built.add(passwordHasher);
        this.publisher = new CommandPublisher(
                vertx, config.kafkaBootstrap(), config.kafkaDeliveryTimeout(), config.replicaId() + "-publisher");
        built.add(publisher);
        this.kafkaProbe = new KafkaClusterProbe(vertx, config.kafkaBootstrap(), config.replicaId() + "-health");
        built.add(kafkaProbe);
        this.tokens = new TokenService(vertx, config.jwtSecret(), config.accessTokenTtl());
        LimitCounters limitCounters = new LimitCounters(metrics.registry());
        this.rateLimits = RateLimits.fromConfig(config, redis, limitCounters);
        this.signInLockout = new SignInLockout(
                redis,
                config.signInLockoutFailures(),
                config.signInLockoutFirst(),
                config.signInLockoutMax(),
                limitCounters);
        this.suspendedUsers = new SuspendedUsers();
        this.bearerAuth = new BearerAuthHandler(tokens, rateLimits, suspendedUsers);
        this.outboxRelay = new OutboxRelay(
                vertx, pg, connectOptions(config), OutboxRelay.FALLBACK_INTERVAL, publisher, metrics.registry());
        this.standing = new AccountStanding(pg);
        this.mailer = Mailer.create(vertx, config.mail());
        built.add(mailer);
        RoleGrants roleGrants = new RoleGrants(config.adminEmails());
        this.emailVerification = new EmailVerification(
                pg,
                new EmailVerificationTokens(config.jwtSecret(), Clock.systemUTC()),
                mailer,
                roleGrants,
                config.mail().publicUrl());
        this.managerInvitations = new ManagerInvitations(pg, standing, outboxRelay::nudge);
        this.twoFactor = new TwoFactorService(pg, Clock.systemUTC());
        this.signInSessions = new SignInSessions(pg, outboxRelay::nudge);
        this.accountDeletion = new AccountDeletion(
                pg, Clock.systemUTC(), config.account().deletionGrace(), signInSessions, outboxRelay::nudge);
        this.deletionSchedule = new DeletionSchedule(vertx, accountDeletion);
        this.identity = new IdentityService(
                pg,
                passwordHasher,
                tokens,
                roleGrants,
                config.refreshTokenTtl(),
                outboxRelay::nudge,
                emailVerification,
                managerInvitations,
                twoFactor);
        this.chat = new ChatModule(
                vertx,
                config,
                pg,
                publisher,
                tokens,
                metrics.registry(),
                redis,
                suspendedUsers,
                standing,
                managerInvitations::managesHost,
                blockedUsers,
                connectOptions(config));
        this.admin = new AdminService(pg, suspendedUsers, standing, managerInvitations, outboxRelay::nudge);
        this.safety = new SafetyService(pg, blockedUsers, outboxRelay::nudge);
        this.reports = new ReportService(pg);
        this.moderation = new ModerationService(pg, admin, publisher, outboxRelay::nudge);
        this.metricsSnapshots =
                new MetricsSnapshotConsumer(config.kafkaBootstrap(), config.replicaId(), adminMetrics::accept);
        this.readiness = new ReadinessCheck(kafkaProbe, pg, redis, chat::isFanOutHealthy);
    }

    /**
     * Builds the clients of one edge process; none connects yet. Kafka clients resolve their bootstrap addresses
     * here, so call it off the event loop ({@link Edge#start} does). If a client cannot be built, those built before
     * it are closed and the exception is rethrown.
     */
    public static EdgeServices create(Vertx vertx, EdgeConfig config, EdgeMetrics metrics) {
        List<AutoCloseable> built = new ArrayList<>();
        try {
            return new EdgeServices(vertx, config, metrics, built);
        } catch (RuntimeException failure) {
            for (AutoCloseable client : built.reversed()) {
                try {
                    client.close();
                } catch (Exception e) {
                    failure.addSuppressed(e);
                }
            }
            throw failure;
        }
    }

    /** Starts the admin metrics consumer, the chat module's fan-out consumer and the outbox relay. */
    public Future<Void> start() {
        metricsSnapshots.start();
        return chat.start().onSuccess(v -> {
            outboxRelay.start();
            deletionSchedule.start();
        });
    }

    /**
     * Stops background work and closes every client: relay and chat module first, then the producer (which flushes
     * what it holds), then Redis, PostgreSQL and the worker pool. Never fails; problems are logged.
     */
    public Future<Void> close() {
        deletionSchedule.stop();
        return outboxRelay
                .stop()
                .timeout(10, TimeUnit.SECONDS)
                .otherwiseEmpty()
                .compose(v -> blocking("chat module", () -> {
                    chat.close();
                    return null;
                }))
                .compose(v -> blocking("kafka clients", () -> {
                    publisher.close();
                    kafkaProbe.close();
                    metricsSnapshots.close();
                    return null;
                }))
                .compose(v -> {
                    List<Future<?>> closing = new ArrayList<>();
                    closing.add(redis.close().otherwiseEmpty());
                    closing.add(pg.close().otherwiseEmpty());
                    passwordHasher.close();
                    mailer.close();
                    return Future.join(closing).otherwiseEmpty().mapEmpty();
                });
    }

    private Future<Void> blocking(String what, Callable<Void> closeAction) {
        return vertx.<Void>executeBlocking(closeAction, false).otherwise(error -> {
            LOG.warn("closing {} failed: {}", what, error.toString());
            return null;
        });
    }

    private static PgConnectOptions connectOptions(EdgeConfig config) {
        PostgresUrl url = config.postgres();
        return new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPassword(url.password())
                .setCachePreparedStatements(true);
    }

    private static Pool createPool(Vertx vertx, EdgeConfig config) {
        io.vertx.sqlclient.PoolOptions pool = new io.vertx.sqlclient.PoolOptions()
                .setName("edge-pg")
                .setMaxSize(PG_POOL_SIZE)
                .setMaxWaitQueueSize(1024)
                .setConnectionTimeout(5)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS)
                .setEventLoopSize(Math.min(config.instances(), PG_POOL_SIZE));
        return PgBuilder.pool()
                .with(pool)
                .with(new NetClientOptions().setConnectTimeout(3000))
                .connectingTo(connectOptions(config))
                .using(vertx)
                .build();
    }

    public Vertx vertx() {
        return vertx;
    }

    public EdgeConfig config() {
        return config;
    }

    public Pool pg() {
        return pg;
    }

    public CommandPublisher publisher() {
        return publisher;
    }

    public TokenService tokens() {
        return tokens;
    }

    public BearerAuthHandler bearerAuth() {
        return bearerAuth;
    }

    /** The request limits of this process, shared by its server instances. */
    /** What admins do to accounts and announcements. */
    public AdminService admin() {
        return admin;
    }

    /** Blocks and inbound policies. */
    public SafetyService safety() {
        return safety;
    }

    /** Users' reports. */
    public ReportService reports() {
        return reports;
    }

    /** The admins' moderation queue. */
    public ModerationService moderation() {
        return moderation;
    }

    /** The latest platform metrics snapshot this replica has read from {@code admin.metrics}. */
    public AdminMetrics adminMetrics() {
        return adminMetrics;
    }

    /** Accounts whose tokens are refused (suspended), as this replica knows them. */
    public SuspendedUsers suspendedUsers() {
        return suspendedUsers;
    }

    public RateLimits rateLimits() {
        return rateLimits;
    }

    /** Two-factor sign-in (TOTP) of every account. */
    public TwoFactorService twoFactor() {
        return twoFactor;
    }

    /** The sign-ins of every account, listed and revoked by their owner. */
    public SignInSessions signInSessions() {
        return signInSessions;
    }

    /** Account deletion with its grace period, and the erasure once it ends. */
    public AccountDeletion accountDeletion() {
        return accountDeletion;
    }

    /** The per-account lockout of password sign-ins, shared by every replica through Redis. */
    public SignInLockout signInLockout() {
        return signInLockout;
    }

    /** Used for readiness, presence and typing. The edge works while Redis is down. */
    public Redis redis() {
        return redis;
    }

    public EdgeMetrics metrics() {
        return metrics;
    }

    public PrometheusMeterRegistry registry() {
        return metrics.registry();
    }

    public IdentityService identity() {
        return identity;
    }

    /** E-mail verification links: sent, resent, followed. */
    public EmailVerification emailVerification() {
        return emailVerification;
    }

    /** The development outbox when this edge runs with one ({@code HUMANCHAT_DEV_OUTBOX}), else null. */
    public DevOutbox devOutbox() {
        return mailer instanceof DevOutbox outbox ? outbox : null;
    }

    /** Hosts' invitations of managers, and who manages whom now. */
    public ManagerInvitations managerInvitations() {
        return managerInvitations;
    }

    public OutboxRelay outboxRelay() {
        return outboxRelay;
    }

    public ReadinessCheck readiness() {
        return readiness;
    }

    /** Where a process that runs workers beside the edge (the standalone) registers their liveness. */
    public LivenessChecks liveness() {
        return liveness;
    }

    public ChatModule chat() {
        return chat;
    }
}
