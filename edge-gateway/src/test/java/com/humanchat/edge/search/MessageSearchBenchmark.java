package com.humanchat.edge.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.migrations.Migrations;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On demand only ({@code -Dsearch.benchmark=true}): fills a database of its own on a PostgreSQL server (default
 * {@code 127.0.0.1:5432}, user {@code postgres}) with {@code search.benchmark.messages} messages (default 1,000,000)
 * through V71's schema ({@code -Dsearch.benchmark.reuse=true}: the database an earlier run filled), then times {@link MessageSearch} — the route's own SQL — for users searching their
 * conversations with common, mid-frequency and rare words, and the second page of a common word. docs/benchmarks.md
 * has the figures and the command.
 */
@EnabledIfSystemProperty(named = "search.benchmark", matches = "true")
class MessageSearchBenchmark {

    private static final String HOST = System.getProperty("search.benchmark.host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("search.benchmark.port", 5432);
    private static final String USER = System.getProperty("search.benchmark.user", "postgres");
    private static final String PASSWORD = System.getProperty("search.benchmark.password", "");
    private static final String DATABASE = "humanchat_search_benchmark";
    private static final int MESSAGES = Integer.getInteger("search.benchmark.messages", 1_000_000);
    private static final int MESSAGES_PER_CONVERSATION = 50;
    private static final int USERS = 2_000;
    private static final int QUERIES_PER_KIND = 200;

    /** Everyday words, most frequent first: messages draw from them with a skew towards the front (Zipf-like). */
    private static final List<String> WORDS = List.of(("the to and you a of it is for that on in have can we this"
                    + " will be with at just what are so not about my your when do time meeting call tomorrow today"
                    + " thanks please session friday monday week price book question idea project design review"
                    + " invoice payment schedule lunch coffee noon later morning evening weekend plan team update"
                    + " launch draft notes slides budget contract client offer travel flight hotel harbour train"
                    + " music guitar lesson piano recording studio video camera photo edit podcast episode guest"
                    + " interview market growth startup funding investor pitch deck revenue pricing customer"
                    + " support ticket bug release deploy server database index query latency cache kafka stream")
            .split(" "));

    @Test
    void searchesAMillionMessages() throws Exception {
        String adminUrl = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
        List<UUID> users;
        String filled;
        if (Boolean.getBoolean("search.benchmark.reuse")) { // the database an earlier run filled
            users = users(url);
            filled = "reused from an earlier run";
        } else {
            try (Connection admin = DriverManager.getConnection(adminUrl, USER, PASSWORD);
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + DATABASE + " with (force)");
                s.execute("create database " + DATABASE);
            }
            Migrations.apply(url, USER, PASSWORD);
            long filling = System.nanoTime();
            users = fill(url);
            filled = String.format("filled in %.1f s", (System.nanoTime() - filling) / 1e9);
        }

        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(4))
                .connectingTo(new PgConnectOptions()
                        .setHost(HOST)
                        .setPort(PORT)
                        .setDatabase(DATABASE)
                        .setUser(USER)
                        .setPassword(PASSWORD)
                        .setCachePreparedStatements(true))
                .using(vertx)
                .build();
        try {
            MessageSearch search = new MessageSearch(pool);
            Random random = new Random(42);
            Map<String, List<String>> kinds = new LinkedHashMap<>();
            // The first words are English stop words, which the index leaves out: the common ones come after them.
            kinds.put("common word", WORDS.subList(30, 40));
            kinds.put("mid-frequency word", WORDS.subList(40, 80));
            kinds.put("rare word (rank 100+)", WORDS.subList(100, WORDS.size()));
            kinds.put("two words", List.of("meeting tomorrow", "invoice payment", "lunch friday", "deploy server"));
            for (int warm = 0; warm < 50; warm++) {
                run(search, users.get(random.nextInt(users.size())), "meeting", null);
            }
            StringBuilder report = new StringBuilder(String.format(
                    "%n%,d messages in %,d conversations of %,d users, %s%n",
                    MESSAGES, MESSAGES / MESSAGES_PER_CONVERSATION, USERS, filled));
            for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
                long[] nanos = new long[QUERIES_PER_KIND];
                int hits = 0;
                for (int i = 0; i < QUERIES_PER_KIND; i++) {
                    UUID user = users.get(random.nextInt(users.size()));
                    String q =
                            kind.getValue().get(random.nextInt(kind.getValue().size()));
                    long start = System.nanoTime();
                    MessageSearch.Page page = run(search, user, q, null);
                    nanos[i] = System.nanoTime() - start;
                    hits += page.items().size();
                }
                report.append(line(kind.getKey(), nanos, hits));
            }
            long[] second = new long[QUERIES_PER_KIND];
            for (int i = 0; i < QUERIES_PER_KIND; i++) {
                UUID user = users.get(random.nextInt(users.size()));
                MessageSearch.Page first = run(search, user, "meeting", null);
                assertThat(first.next())
                        .as("a common word fills more than one page")
                        .isNotNull();
                long start = System.nanoTime();
                MessageSearch.Page page = run(search, user, "meeting", first.next());
                second[i] = System.nanoTime() - start;
                assertThat(page.items()).doesNotContainAnyElementsOf(first.items());
            }
            report.append(line("second page, common word", second, QUERIES_PER_KIND * 20));
            System.out.println(report); // the benchmark's output, read by whoever runs it
        } finally {
            pool.close().await();
            vertx.close().await();
        }
    }

    private static List<UUID> users(String url) throws SQLException {
        List<UUID> users = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
                Statement s = c.createStatement();
                var rows = s.executeQuery("select id from users where email like 'bench-%'"
                        + " and exists (select 1 from participants p where p.user_id = users.id) order by id")) {
            while (rows.next()) {
                users.add(rows.getObject(1, UUID.class));
            }
        }
        assertThat(users).hasSizeGreaterThan(USERS * 9 / 10);
        return users;
    }

    private static MessageSearch.Page run(MessageSearch search, UUID user, String q, SearchCursor after)
            throws Exception {
        return search.search(user, q, after, 20)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static String line(String kind, long[] nanos, int hits) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(
                "%-28s p50 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d queries, %.1f hits each)%n",
                kind,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6,
                sorted.length,
                hits / (double) sorted.length);
    }

    /**
     * Users, direct conversations of random pairs ({@value #MESSAGES_PER_CONVERSATION} messages each) and the
     * messages, written by PostgreSQL itself from {@code generate_series}; the search index is built once after the
     * rows, as a restore would. Returns the users.
     */
    private static List<UUID> fill(String url) throws SQLException {
        List<UUID> users = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert =
                    c.prepareStatement("insert into users (id, email, display_name) values (?, ?, ?)")) {
                for (int i = 0; i < USERS; i++) {
                    UUID id = UUID.randomUUID();
                    users.add(id);
                    insert.setObject(1, id);
                    insert.setString(2, "bench-" + i + "@example.com");
                    insert.setString(3, "Bench User " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            s.execute("create temporary table bench_users as select id, row_number() over (order by id) - 1 as n"
                    + " from users where email like 'bench-%'");
            int conversations = MESSAGES / MESSAGES_PER_CONVERSATION;
            s.execute("create temporary table bench_conversations as select gen_random_uuid() as id,"
                    + " (select id from bench_users where n = (g * 7) % " + USERS + ") as a,"
                    + " (select id from bench_users where n = (g * 13 + 1) % " + USERS + ") as b"
                    + " from generate_series(1, " + conversations + ") g");
            s.execute("delete from bench_conversations where a = b");
            s.execute("insert into conversations (id, type, created_by, created_at, last_seq, last_activity)"
                    + " select id, 'direct', a, now() - interval '90 days', " + MESSAGES_PER_CONVERSATION
                    + ", now() from bench_conversations");
            s.execute("insert into participants (conversation_id, user_id, joined_at, member)"
                    + " select id, a, now(), true from bench_conversations"
                    + " union all select id, b, now(), true from bench_conversations");
            s.execute("drop index messages_search");
            String words = "array['" + String.join("','", WORDS) + "']";
            s.execute("insert into messages (conversation_id, seq, id, sender_id, client_message_id, content, type,"
                    + " sent_at)"
                    + " select c.id, g.seq, gen_random_uuid(), case when g.seq % 2 = 0 then c.a else c.b end,"
                    + " 'bench-' || g.seq,"
                    + " (select string_agg((" + words + ")[1 + floor(power(random(), 2.5) * " + WORDS.size()
                    + ")::int], ' ') from generate_series(1, 6 + (random() * 14)::int + 0 * g.seq)),"
                    + " 'text', now() - make_interval(mins => " + MESSAGES_PER_CONVERSATION + " - g.seq)"
                    + " from bench_conversations c cross join generate_series(1, " + MESSAGES_PER_CONVERSATION
                    + ") g(seq)");
            s.execute("create index messages_search on messages using gin (search_vector)");
            c.commit();
            c.setAutoCommit(true); // vacuum runs outside a transaction
            s.execute("vacuum analyze");
        }
        try (Connection c = DriverManager.getConnection(url, USER, PASSWORD);
                Statement s = c.createStatement()) {
            var rows = s.executeQuery("select count(*) from messages");
            rows.next();
            assertThat(rows.getLong(1)).isGreaterThan(MESSAGES * 9L / 10);
        }
        return users;
    }
}
