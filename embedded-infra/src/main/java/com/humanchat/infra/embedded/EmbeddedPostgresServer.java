package com.humanchat.infra.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's packaged binaries, run as a child process) on 127.0.0.1 with trust authentication
 * for the {@code postgres} user; with a data directory it keeps its data across restarts, without one it is
 * temporary.
 *
 * <p>As root, zonky runs the server in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 * The server outlives a killed JVM; the next start on the same data directory stops it first.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";
    /** Two cores shared with a build and other servers: the default 10 s is too tight for a cold initdb + start. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private static final Duration ORPHAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final PostgresServerAddress address;
    private final Path socketDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path socketDirectory) {
        this.postgres = postgres;
        this.socketDirectory = socketDirectory;
        this.address = new PostgresServerAddress(HOST, postgres.getPort(), USER, "", MAINTENANCE_DATABASE);
    }

    /**
     * Starts a server.
     *
     * @param dataDir the cluster's data directory: created by {@code initdb} when it holds no cluster yet, reused
     *     otherwise and never cleaned; {@code null} for a temporary cluster deleted by {@link #close()}
     * @param port the port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        FreePort.requireValidPort(port);
        long startedAt = System.nanoTime();
        Path socketDirectory = null;
        try {
            // Our own socket directory: no clash with a system server's /var/run/postgresql, nor with a stale
            // .s.PGSQL.<port>.lock another run left in /tmp. Clients connect over TCP only.
            socketDirectory = Files.createTempDirectory("humanchat-pg-socket-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(STARTUP_WAIT)
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("unix_socket_directories", socketDirectory.toString());
            if (dataDir == null) {
                // Test data: durability buys nothing, speed does.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            } else {
                Path absolute = dataDir.toAbsolutePath();
                Files.createDirectories(absolute);
                stopServerOrphanedByAKilledRun(absolute);
                // zonky turns synchronous_commit off; a persistent cluster keeps every committed transaction.
                builder.setDataDirectory(absolute)
                        .setCleanDataDirectory(false)
                        .setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, socketDirectory);
            LOG.info(
                    "PostgreSQL started on {}:{} ({}) in {} ms",
                    HOST,
                    server.port(),
                    dataDir == null ? "temporary" : "data directory " + dataDir.toAbsolutePath(),
                    (System.nanoTime() - startedAt) / 1_000_000);
            return server;
        } catch (IOException e) {
            RecursiveDelete.quietly(socketDirectory);
            throw new UncheckedIOException(
                    "PostgreSQL did not start (port " + port + ", data directory "
                            + (dataDir == null ? "temporary" : dataDir.toAbsolutePath()) + ")",
                    e);
        }
    }

    /**
     * PostgreSQL runs detached from this JVM, so a run that was killed (kill -9) leaves its server running on the data
     * directory, and the next start would fail on {@code postmaster.pid}. Such a server has no client left: stop it.
     */
    private static void stopServerOrphanedByAKilledRun(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.getFirst().strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(
                        Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                // A stale file whose pid now belongs to another program is PostgreSQL's own business: it checks.
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
        if (orphan.isEmpty()) {
            return;
        }
        LOG.warn(
                "Stopping PostgreSQL (pid {}) that a previous run left running on {}",
                orphan.get().pid(),
                dataDir);
        orphan.get().destroy(); // SIGTERM: a smart shutdown, quick with no client connected
        try {
            orphan.get().onExit().get(ORPHAN_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping the orphaned PostgreSQL on " + dataDir, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(
                    "The orphaned PostgreSQL (pid " + orphan.get().pid() + ") on " + dataDir + " did not stop within "
                            + ORPHAN_SHUTDOWN_WAIT.toSeconds() + " s",
                    e);
        }
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/DATABASE?user=postgres}; no password is needed. */
    public String jdbcUrl(String database) {
        return address.jdbcUrl(database);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return USER;
    }

    /** Always empty: the server trusts connections from 127.0.0.1. */
    public String password() {
        return "";
    }

    /** The server as a {@link PostgresServerAddress}, the same type an operator's {@code HUMANCHAT_PG_URL} gives. */
    public PostgresServerAddress address() {
        return address;
    }

    /**
     * Creates the database unless it exists.
     *
     * @param name lower-case letters, digits and underscores, starting with a letter or underscore, at most 63
     */
    public void createDatabase(String name) {
        address.createDatabaseIfAbsent(name);
    }

    /** Stops the server ({@code pg_ctl stop -m fast}); a temporary cluster is deleted, a data directory is kept. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port(), e);
        } finally {
            RecursiveDelete.quietly(socketDirectory);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgresServer[" + HOST + ":" + port() + "]";
    }
}
