package com.humanchat.edge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.humanchat.edge.Edge;
import com.humanchat.edge.RouteInventory;
import com.humanchat.edge.TestHttp;
import com.humanchat.edge.TestHttp.Answer;
import com.humanchat.edge.account.AuthenticatorApp;
import com.humanchat.edge.chat.PlatformHarness;
import com.humanchat.edge.chat.PlatformHarness.TestUser;
import com.humanchat.edge.chat.TestSocket;
import com.humanchat.migrations.PostgresUrl;
import com.humanchat.ops.mail.UnsubscribeLinks;
import com.humanchat.payments.stripe.StripeWebhooks;
import com.humanchat.schemas.Topics;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * BOLA matrix of the edge: {@link #ROUTES} lists every {@code /api} route with who may call it and, for an anonymous
 * caller, a stranger to the resource and the resource's own owner once an admin suspended them, the answer expected
 * and that the resource is unchanged afterwards (as its rightful parties see it). Each refusal is its own test; then
 * each route's positive control shows its rightful caller can do what the others could not. {@link
 * #everyApiRouteOfTheRealRouterIsInTheMatrix()} keeps the table complete against the real router, and the socket
 * tests do the same for every inbound frame type.
 *
 * <p>Refusals run before any positive control, so the fixtures are stable while they are checked: a refusal that
 * changed something shows as a difference, not as noise from an earlier write.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessMatrixIT {

    private static final PlatformHarness PLATFORM = PlatformHarness.get();
    private static final String WEBHOOK_SECRET = "whsec_access_matrix_" + UUID.randomUUID();
    private static final String PASSWORD = "a long enough password";
    private static final long PRICE = 5000;
    /** Refused requests never reach Kafka or the topology; the legitimate ones have this long. */
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Routes that are no endpoint but a filter in front of several (regex paths): the per-address sign-in limit. */
    private static final Set<String> FILTER_ROUTES = Set.of("POST /api/auth/(register|login|refresh)");

    private static Edge edge;
    private static PostgresUrl database;
    private static KafkaConsumer<String, byte[]> webhookOffsets;
    private static TestUser admin;
    private static Account stranger;
    private static Account manager;
    private static Account managedHost;
    private static Fixture active;
    private static Fixture suspended;
    private static TestSocket socketOpenWhenSuspended;

    /** Who calls: the three that must be refused, and the rightful party of the positive control. */
    enum Caller {
        ANONYMOUS,
        STRANGER,
        SUSPENDED_OWNER
    }

    /** What a caller gets: refused with a status, or served only what is theirs (no byte of the owner's). */
    sealed interface Expect {
        record Refused(int status) implements Expect {
            @Override
            public String toString() {
                return Integer.toString(status);
            }
        }

        record OwnDataOnly() implements Expect {
            @Override
            public String toString() {
                return "2xx, own data only";
            }
        }
    }

    private static Expect refused(int status) {
        return new Expect.Refused(status);
    }

    private static final Expect OWN_DATA_ONLY = new Expect.OwnDataOnly();

    /** The auth secret of the owner's device (16 bytes, base64url). */
    private static final String PUSH_AUTH = "b3duZXItZGV2aWNlLWF1dA";

    /** A P-256 point (the generator), as a browser's p256dh is: any valid point will do for registering. */
    private static final String PUSH_P256DH =
            "BGsX0fLhLEJH-Lzm5WOkQPJ3A32BLeszoPShOUXYmMKWT-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU";

    /** A registered account with everything needed to act as it. */
    record Account(UUID id, String email, String password, String token, String refreshToken) {}

    /**
     * Everything an owner has, each resource shared with a host partner: a direct conversation with a message each, a
     * free confirmed session, a paid session awaiting payment, a managed request, a payment and a Sam conversation.
     */
    record Fixture(
            Account owner,
            Account partner,
            UUID conversation,
            String secretContent,
            UUID freeSession,
            UUID paidSession,
            UUID request,
            UUID payment,
            UUID samConversation,
            UUID invitation) {

        /** Strings only the owner's own answers may contain. */
        List<String> privateMarkers() {
            return List.of(
                    owner.email(),
                    secretContent,
                    conversation.toString(),
                    freeSession.toString(),
                    paidSession.toString(),
                    request.toString(),
                    payment.toString(),
                    samConversation.toString());
        }
    }

    /** One HTTP call, before the caller's token is added. */
    record Call(String method, String path, String body, Map<String, String> headers) {
        Call(String method, String path, JsonObject body) {
            this(method, path, body == null ? null : body.encode(), Map.of());
        }
    }

    /**
     * One row of the matrix.
     *
     * @param mayCall who the route serves, as documented in SECURITY.md
     * @param attempt the call a caller makes against a fixture's resource (caller null: anonymous)
     * @param state what the rightful parties see of the resource, read without changing it
     * @param ownerMay the positive control on the active fixture: the rightful caller's call and the statuses it may get
     */
    record Row(
            String method,
            String path,
            String mayCall,
            Expect anonymous,
            Expect stranger,
            Expect suspendedOwner,
            BiFunction<Fixture, Account, Call> attempt,
            Function<Fixture, String> state,
            Function<Fixture, Positive> ownerMay) {

        String route() {
            return method + " " + path;
        }

        Expect expect(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case STRANGER -> stranger;
                case SUSPENDED_OWNER -> suspendedOwner;
            };
        }
    }

    /** The rightful party's call and what it may answer. */
    record Positive(String who, String token, Call call, Set<Integer> statuses) {}

    private static Positive as(String who, String token, Call call, Integer... statuses) {
        return new Positive(who, token, call, Set.of(statuses));
    }

    private static Call get(String path) {
        return new Call("GET", path, null);
    }

    private static Call post(String path, JsonObject body) {
        return new Call("POST", path, body);
    }

    private static Call patch(String path, JsonObject body) {
        return new Call("PATCH", path, body);
    }

    private static Call put(String path, JsonObject body) {
        return new Call("PUT", path, body);
    }

    // ---- the matrix -------------------------------------------------------------------------------------------

    private static final List<Row> ROUTES = List.of(
            // auth: public sign-up and sign-in; the attacks aim at the owner's account
            new Row(
                    "POST",
                    "/api/auth/register",
                    "anyone (sign-up); an existing email is never taken over",
                    refused(409),
                    refused(409),
                    refused(409),
                    (f, c) -> post(
                            "/api/auth/register",
                            new JsonObject()
                                    .put("email", f.owner().email())
                                    .put("password", "a takeover password")
                                    .put("displayName", "Impostor")),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "a new visitor",
                            null,
                            post(
                                    "/api/auth/register",
                                    new JsonObject()
                                            .put("email", uniqueEmail("newcomer"))
                                            .put("password", PASSWORD)
                                            .put("displayName", "Newcomer")),
                            201)),
            new Row(
                    "POST",
                    "/api/auth/login",
                    "anyone with the account's password; never a suspended account",
                    refused(401),
                    refused(401),
                    refused(403),
                    (f, c) -> post(
                            "/api/auth/login",
                            new JsonObject()
                                    .put("email", f.owner().email())
                                    .put(
                                            "password",
                                            // a stranger tries their own password; the suspended owner the right one
                                            c == null ? "a guessed password" : c.password())),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            null,
                            post(
                                    "/api/auth/login",
                                    new JsonObject()
                                            .put("email", f.owner().email())
                                            .put("password", f.owner().password())),
                            200)),
            new Row(
                    "POST",
                    "/api/auth/refresh",
                    "the holder of an unrotated refresh token of an active account",
                    refused(401),
                    refused(401),
                    refused(401),
                    (f, c) -> post("/api/auth/refresh", refreshTokenOf(f, c)),
                    AccessMatrixIT::accountState,
                    f -> as("owner", null, post("/api/auth/refresh", refreshTokenOf(f, login(f.owner()))), 200)),
            new Row(
                    "POST",
                    "/api/auth/logout",
                    "the holder of the refresh token (an unknown token changes nothing)",
                    refused(204),
                    refused(204),
                    refused(204),
                    (f, c) -> post("/api/auth/logout", refreshTokenOf(f, c)),
                    AccessMatrixIT::accountState,
                    f -> as("owner", null, post("/api/auth/logout", refreshTokenOf(f, login(f.owner()))), 204)),
            new Row(
                    "GET",
                    "/api/auth/me",
                    "any signed-in user, for their own account",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/auth/me"),
                    AccessMatrixIT::accountState,
                    f -> as("owner", f.owner().token(), get("/api/auth/me"), 200)),
            new Row(
                    "POST",
                    "/api/auth/verification-email",
                    "any signed-in user, for their own address only (a verified one has nothing to resend)",
                    refused(401),
                    refused(409),
                    refused(403),
                    (f, c) -> post("/api/auth/verification-email", new JsonObject()),
                    AccessMatrixIT::verificationState,
                    // 429 when the registration's e-mail went out less than a minute ago: still the owner's own (this
                    // row's control runs before the verify-email row's, which verifies the owner)
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post("/api/auth/verification-email", new JsonObject()),
                            202,
                            429)),
            new Row(
                    "POST",
                    "/api/auth/verify-email",
                    "whoever holds the link mailed to the address (the token is the proof; a forged one proves nothing)",
                    refused(400),
                    refused(400),
                    refused(400),
                    (f, c) -> post("/api/auth/verify-email", new JsonObject().put("token", forgedLink(f.owner()))),
                    AccessMatrixIT::verificationState,
                    f -> as(
                            "owner, with the link from their mailbox",
                            null,
                            post(
                                    "/api/auth/verify-email",
                                    new JsonObject()
                                            .put(
                                                    "token",
                                                    TestHttp.verificationToken(
                                                            edge, f.owner().email()))),
                            200)),
            new Row(
                    "PATCH",
                    "/api/me/profile",
                    "any signed-in user, for their own profile",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> patch("/api/me/profile", new JsonObject().put("bio", "changed by someone else")),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            patch("/api/me/profile", new JsonObject().put("bio", "changed by the owner")),
                            200)),
            new Row(
                    "PUT",
                    "/api/me/presence-visibility",
                    "any signed-in user, for their own presence",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> put("/api/me/presence-visibility", new JsonObject().put("public", true)),
                    f -> accountState(f) + " presencePublic="
                            + count(
                                    "select count(*) from users where id = ? and presence_public",
                                    f.owner().id()),
                    f -> as(
                            "owner",
                            f.owner().token(),
                            put("/api/me/presence-visibility", new JsonObject().put("public", false)),
                            200)),
            new Row(
                    "GET",
                    "/api/users/:id",
                    "any signed-in user (public profile: no email, no private fields)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/users/" + f.owner().id()),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/users/" + f.owner().id()),
                            200)),
            new Row(
                    "GET",
                    "/api/discover",
                    "any signed-in user (public host profiles)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/discover?limit=50"),
                    AccessMatrixIT::accountState,
                    f -> as("owner", f.owner().token(), get("/api/discover"), 200)),
            // conversations: members only; reads of someone else's conversation are 404 (existence not revealed)
            new Row(
                    "POST",
                    "/api/conversations",
                    "any signed-in user, for a conversation that includes them",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post(
                            "/api/conversations",
                            new JsonObject()
                                    .put(
                                            "participantIds",
                                            new JsonArray().add(f.partner().id().toString()))),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post(
                                    "/api/conversations",
                                    new JsonObject()
                                            .put(
                                                    "participantIds",
                                                    new JsonArray()
                                                            .add(
                                                                    f.partner()
                                                                            .id()
                                                                            .toString()))),
                            200,
                            201)),
            new Row(
                    "GET",
                    "/api/conversations",
                    "any signed-in user, listing their own conversations",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/conversations?limit=100"),
                    AccessMatrixIT::conversationState,
                    f -> as("owner", f.owner().token(), get("/api/conversations"), 200)),
            new Row(
                    "GET",
                    "/api/conversations/:id",
                    "conversation members",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/conversations/" + f.conversation()),
                    AccessMatrixIT::conversationState,
                    f -> as("owner", f.owner().token(), get("/api/conversations/" + f.conversation()), 200)),
            new Row(
                    "GET",
                    "/api/conversations/:id/messages",
                    "conversation members",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/conversations/" + f.conversation() + "/messages"),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/conversations/" + f.conversation() + "/messages"),
                            200)),
            new Row(
                    "POST",
                    "/api/conversations/:id/messages",
                    "conversation members (a non-member sender gets the 404 of an unknown conversation)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post(
                            "/api/conversations/" + f.conversation() + "/messages",
                            new JsonObject()
                                    .put("clientMessageId", "intruder-" + UUID.randomUUID())
                                    .put("content", "let me in")),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post(
                                    "/api/conversations/" + f.conversation() + "/messages",
                                    new JsonObject()
                                            .put("clientMessageId", "owner-" + UUID.randomUUID())
                                            .put("content", "the owner may write")),
                            201,
                            202)),
            new Row(
                    "POST",
                    "/api/conversations/:id/read",
                    "conversation members, for their own read position",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/conversations/" + f.conversation() + "/read", new JsonObject().put("seq", 2)),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post("/api/conversations/" + f.conversation() + "/read", new JsonObject().put("seq", 2)),
                            204)),
            new Row(
                    "PUT",
                    "/api/conversations/:id/messages/:seq/reactions",
                    "conversation members (a non-member gets the 404 of an unknown conversation, message or not)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> put(
                            "/api/conversations/" + f.conversation() + "/messages/1/reactions",
                            new JsonObject().put("emoji", "👍").put("active", true)),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            put(
                                    "/api/conversations/" + f.conversation() + "/messages/2/reactions",
                                    new JsonObject().put("emoji", "👍").put("active", true)),
                            200,
                            202)),
            new Row(
                    "PATCH",
                    "/api/conversations/:id/messages/:seq",
                    "the message's author, a member (a non-member gets the 404 of an unknown conversation)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> patch(
                            "/api/conversations/" + f.conversation() + "/messages/1",
                            new JsonObject().put("content", "words in the owner's mouth")),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            patch(
                                    "/api/conversations/" + f.conversation() + "/messages/1",
                                    new JsonObject().put("content", f.secretContent())),
                            200,
                            202)),
            new Row(
                    "DELETE",
                    "/api/conversations/:id/messages/:seq",
                    "the message's author, a member (a non-member gets the 404 of an unknown conversation)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> new Call("DELETE", "/api/conversations/" + f.conversation() + "/messages/1", null),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            new Call("DELETE", "/api/conversations/" + f.conversation() + "/messages/1", null),
                            200,
                            202)),
            new Row(
                    "GET",
                    "/api/search",
                    "any signed-in user, over the conversations they are a member of",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/search?q=" + encode(f.secretContent())),
                    AccessMatrixIT::conversationState,
                    f -> as("owner", f.owner().token(), get("/api/search?q=" + encode(f.secretContent())), 200)),
            new Row(
                    "GET",
                    "/api/me/read-receipts",
                    "any signed-in user, for their own setting",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/read-receipts"),
                    AccessMatrixIT::accountState,
                    f -> as("owner", f.owner().token(), get("/api/me/read-receipts"), 200)),
            new Row(
                    "PUT",
                    "/api/me/read-receipts",
                    "any signed-in user, for their own setting",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> put("/api/me/read-receipts", new JsonObject().put("enabled", true)),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            put("/api/me/read-receipts", new JsonObject().put("enabled", true)),
                            200)),
            new Row(
                    "POST",
                    "/api/attachments",
                    "conversation members, into their conversation; anyone signed in, for their own profile picture",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/attachments", uploadRequest(f)),
                    AccessMatrixIT::attachmentState,
                    f -> as("owner", f.owner().token(), post("/api/attachments", uploadRequest(f)), 201)),
            new Row(
                    "POST",
                    "/api/attachments/:id/complete",
                    "the uploader (anyone else gets the 404 of an unknown attachment)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/attachments/" + uploadsOf(f).file() + "/complete", null),
                    AccessMatrixIT::attachmentState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post("/api/attachments/" + uploadsOf(f).file() + "/complete", null),
                            200)),
            new Row(
                    "GET",
                    "/api/attachments/:id",
                    "members of the attachment's conversation (a profile picture: anyone signed in)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/attachments/" + uploadsOf(f).file()),
                    AccessMatrixIT::attachmentState,
                    f -> as(
                            "partner",
                            f.partner().token(),
                            get("/api/attachments/" + uploadsOf(f).file()),
                            200)),
            new Row(
                    "PUT",
                    "/api/me/avatar",
                    "any signed-in user, with a profile picture they uploaded themselves",
                    refused(401),
                    refused(400),
                    refused(403),
                    (f, c) -> put(
                            "/api/me/avatar",
                            new JsonObject().put("attachmentId", uploadsOf(f).avatar())),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            put(
                                    "/api/me/avatar",
                                    new JsonObject()
                                            .put("attachmentId", uploadsOf(f).avatar())),
                            204)),
            new Row(
                    "GET",
                    "/api/sync",
                    "any signed-in user, for their own changes",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/sync"),
                    AccessMatrixIT::conversationState,
                    f -> as("owner", f.owner().token(), get("/api/sync"), 200)),
            // sessions: participants only; strangers get 404 for every session
            new Row(
                    "POST",
                    "/api/sessions",
                    "any signed-in user, linking only a conversation they share with the host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/sessions", booking(f.partner(), f.conversation(), "free", 0, 30)),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post("/api/sessions", booking(f.partner(), f.conversation(), "free", 0, 40)),
                            201,
                            202)),
            new Row(
                    "GET",
                    "/api/sessions",
                    "any signed-in user, listing their own sessions",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/sessions?limit=100"),
                    AccessMatrixIT::sessionState,
                    f -> as("owner", f.owner().token(), get("/api/sessions"), 200)),
            new Row(
                    "GET",
                    "/api/sessions/:id",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.freeSession()),
                    AccessMatrixIT::sessionState,
                    f -> as("owner", f.owner().token(), get("/api/sessions/" + f.freeSession()), 200)),
            new Row(
                    "PATCH",
                    "/api/sessions/:id",
                    "the session's guest and host, each only their role's transitions",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> patch("/api/sessions/" + f.freeSession(), new JsonObject().put("status", "cancelled")),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            patch("/api/sessions/" + f.freeSession(), new JsonObject().put("status", "in_progress")),
                            200)),
            new Row(
                    "GET",
                    "/api/sessions/:id/ice-servers",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.freeSession() + "/ice-servers"),
                    AccessMatrixIT::sessionState,
                    f -> as("owner", f.owner().token(), get("/api/sessions/" + f.freeSession() + "/ice-servers"), 200)),
            new Row(
                    "GET",
                    "/api/sessions/:id/cancellation",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.paidSession() + "/cancellation"),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/sessions/" + f.paidSession() + "/cancellation"),
                            200)),
            // reschedules and the calendar file: participants only; the fixture's session starts in five minutes, so
            // the owner's proposal is decided (409 too late) where a stranger's never reaches the topology (404)
            new Row(
                    "GET",
                    "/api/sessions/:id/reschedule",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.freeSession() + "/reschedule"),
                    AccessMatrixIT::sessionState,
                    f -> as("owner", f.owner().token(), get("/api/sessions/" + f.freeSession() + "/reschedule"), 200)),
            new Row(
                    "POST",
                    "/api/sessions/:id/reschedule",
                    "the session's guest and host, until the late-reschedule notice",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/sessions/" + f.freeSession() + "/reschedule", rescheduleTo(3)),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            post("/api/sessions/" + f.freeSession() + "/reschedule", rescheduleTo(4)),
                            200,
                            409)),
            new Row(
                    "POST",
                    "/api/sessions/:id/reschedule/accept",
                    "the participant who did not propose the waiting reschedule",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/sessions/" + f.freeSession() + "/reschedule/accept", new JsonObject()),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            post("/api/sessions/" + f.freeSession() + "/reschedule/accept", new JsonObject()),
                            200,
                            409)),
            new Row(
                    "POST",
                    "/api/sessions/:id/reschedule/decline",
                    "the participant who did not propose the waiting reschedule",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/sessions/" + f.freeSession() + "/reschedule/decline", new JsonObject()),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            post("/api/sessions/" + f.freeSession() + "/reschedule/decline", new JsonObject()),
                            200,
                            409)),
            new Row(
                    "GET",
                    "/api/sessions/:id/calendar.ics",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.freeSession() + "/calendar.ics"),
                    AccessMatrixIT::sessionState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/sessions/" + f.freeSession() + "/calendar.ics"),
                            200)),
            // reviews: the guest of a completed session rates it, its host answers; a stranger's 404 against the
            // owner's 409 (the session is not completed) shows the topology heard the owner and not the others
            new Row(
                    "GET",
                    "/api/sessions/:id/review",
                    "the session's guest and host",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/sessions/" + f.freeSession() + "/review"),
                    AccessMatrixIT::reviewState,
                    f -> as("owner", f.owner().token(), get("/api/sessions/" + f.freeSession() + "/review"), 200)),
            new Row(
                    "POST",
                    "/api/sessions/:id/review",
                    "the session's guest, once it is completed",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post(
                            "/api/sessions/" + f.freeSession() + "/review",
                            new JsonObject().put("rating", 1).put("text", "never met them")),
                    AccessMatrixIT::reviewState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            post("/api/sessions/" + f.freeSession() + "/review", new JsonObject().put("rating", 5)),
                            201,
                            409)),
            new Row(
                    "POST",
                    "/api/sessions/:id/review/answer",
                    "the session's host, once it is reviewed",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post(
                            "/api/sessions/" + f.freeSession() + "/review/answer",
                            new JsonObject().put("text", "not my session")),
                    AccessMatrixIT::reviewState,
                    f -> as(
                            "the host partner",
                            f.partner().token(),
                            post(
                                    "/api/sessions/" + f.freeSession() + "/review/answer",
                                    new JsonObject().put("text", "thank you")),
                            200,
                            409)),
            new Row(
                    "GET",
                    "/api/hosts/:id/reviews",
                    "any signed-in user (reviews are public)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/hosts/" + f.partner().id() + "/reviews"),
                    AccessMatrixIT::reviewState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/hosts/" + f.partner().id() + "/reviews"),
                            200)),
            new Row(
                    "GET",
                    "/api/me/booking-terms",
                    "any signed-in user, for their own terms as a host",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/booking-terms"),
                    AccessMatrixIT::bookingTermsState,
                    f -> as("partner", f.partner().token(), get("/api/me/booking-terms"), 200)),
            new Row(
                    "PUT",
                    "/api/me/booking-terms",
                    "any signed-in user, for their own terms as a host",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> put(
                            "/api/me/booking-terms",
                            new JsonObject().put("requestHoldMinutes", 0).put("donationsWelcome", true)),
                    AccessMatrixIT::bookingTermsState,
                    f -> as(
                            "partner",
                            f.partner().token(),
                            put(
                                    "/api/me/booking-terms",
                                    new JsonObject()
                                            .putNull("requestHoldMinutes")
                                            .put("donationsWelcome", true)),
                            200)),
            // notifications (issue 19): the caller's own list and preferences; the e-mails' signed unsubscribe link
            new Row(
                    "GET",
                    "/api/notifications",
                    "any signed-in user, for their own notifications",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/notifications"),
                    AccessMatrixIT::notificationState,
                    f -> as("owner", f.owner().token(), get("/api/notifications"), 200)),
            new Row(
                    "POST",
                    "/api/notifications/read",
                    "any signed-in user, for their own notifications (anyone else's ids change nothing)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post("/api/notifications/read", notificationIds(f)),
                    AccessMatrixIT::notificationState,
                    f -> as("owner", f.owner().token(), post("/api/notifications/read", notificationIds(f)), 200)),
            new Row(
                    "GET",
                    "/api/me/notification-preferences",
                    "any signed-in user, for their own preferences",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/notification-preferences"),
                    AccessMatrixIT::notificationPreferencesState,
                    f -> as("owner", f.owner().token(), get("/api/me/notification-preferences"), 200)),
            new Row(
                    "PUT",
                    "/api/me/notification-preferences",
                    "any signed-in user, for their own preferences; only their own conversations can be muted",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> put("/api/me/notification-preferences", mutePreferences(f)),
                    AccessMatrixIT::notificationPreferencesState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            put("/api/me/notification-preferences", mutePreferences(f)),
                            200)),
            // Web Push (issue 19): the key is the platform's; each device's subscription is its owner's only
            new Row(
                    "GET",
                    "/api/notifications/push/key",
                    "any signed-in user (the platform's public key)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/notifications/push/key"),
                    AccessMatrixIT::pushSubscriptionState,
                    f -> as("owner", f.owner().token(), get("/api/notifications/push/key"), 200)),
            new Row(
                    "GET",
                    "/api/notifications/push/subscriptions",
                    "any signed-in user, for their own devices",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/notifications/push/subscriptions"),
                    AccessMatrixIT::pushSubscriptionState,
                    f -> as("owner", f.owner().token(), get("/api/notifications/push/subscriptions"), 200)),
            new Row(
                    "POST",
                    "/api/notifications/push/subscriptions",
                    "any signed-in user, for their own device (another account's endpoint moves only with its keys)",
                    refused(401),
                    refused(409),
                    refused(403),
                    (f, c) -> post(
                            "/api/notifications/push/subscriptions", pushSubscription(f, "AAAAAAAAAAAAAAAAAAAAAA")),
                    AccessMatrixIT::pushSubscriptionState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post("/api/notifications/push/subscriptions", pushSubscription(f, PUSH_AUTH)),
                            201)),
            new Row(
                    "DELETE",
                    "/api/notifications/push/subscriptions/:id",
                    "any signed-in user, for their own devices (anyone else's is 404)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> new Call(
                            "DELETE", "/api/notifications/push/subscriptions/" + ownerPushSubscription(f), null),
                    AccessMatrixIT::pushSubscriptionState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            new Call(
                                    "DELETE",
                                    "/api/notifications/push/subscriptions/" + ownerPushSubscription(f),
                                    null),
                            204)),
            new Row(
                    "GET",
                    "/api/notifications/unsubscribe",
                    "whoever holds the link mailed to the user (its signature is the proof; a forged one proves nothing)",
                    refused(403),
                    refused(403),
                    refused(403),
                    (f, c) -> get(unsubscribeLink(f, "forged")),
                    AccessMatrixIT::notificationPreferencesState,
                    f -> as("owner, with the link from their mailbox", null, get(unsubscribeLink(f, null)), 200)),
            new Row(
                    "POST",
                    "/api/notifications/unsubscribe",
                    "whoever holds the link mailed to the user (its signature is the proof; a forged one proves nothing)",
                    refused(403),
                    refused(403),
                    refused(403),
                    (f, c) -> post(unsubscribeLink(f, "forged"), null),
                    AccessMatrixIT::notificationPreferencesState,
                    f -> as(
                            "owner, with the link from their mailbox",
                            null,
                            post(unsubscribeLink(f, null), null),
                            200)),
            // availability: a host's own (a user who is no host is refused), and anyone's free slots
            new Row(
                    "GET",
                    "/api/me/availability",
                    "a host, for their own availability",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/me/availability"),
                    AccessMatrixIT::availabilityState,
                    f -> as("the host partner", f.partner().token(), get("/api/me/availability"), 200, 404)),
            new Row(
                    "PUT",
                    "/api/me/availability",
                    "a host, for their own availability",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> put("/api/me/availability", availability("Pacific/Kiritimati")),
                    AccessMatrixIT::availabilityState,
                    f -> as(
                            "the host partner",
                            f.partner().token(),
                            put("/api/me/availability", availability("Europe/Berlin")),
                            200)),
            new Row(
                    "GET",
                    "/api/hosts/:id/slots",
                    "any signed-in user (a host's free slots are public)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/hosts/" + f.partner().id() + "/slots"),
                    AccessMatrixIT::availabilityState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            get("/api/hosts/" + f.partner().id() + "/slots"),
                            200)),
            // managed requests: requester, the host's manager, admins
            new Row(
                    "POST",
                    "/api/requests",
                    "any signed-in user, for a request of their own",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post(
                            "/api/requests",
                            new JsonObject()
                                    .put("hostUserId", managedHost.id().toString())
                                    .put("message", "may I?")),
                    AccessMatrixIT::requestState,
                    f -> {
                        Account newcomer = register("requester", "user");
                        return as(
                                "a signed-in user",
                                newcomer.token(),
                                post(
                                        "/api/requests",
                                        new JsonObject()
                                                .put(
                                                        "hostUserId",
                                                        managedHost.id().toString())
                                                .put("message", "may I too?")),
                                201,
                                202);
                    }),
            new Row(
                    "GET",
                    "/api/requests",
                    "any signed-in user, listing requests they made or decide",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/requests?limit=100"),
                    AccessMatrixIT::requestState,
                    f -> as("owner", f.owner().token(), get("/api/requests"), 200)),
            new Row(
                    "GET",
                    "/api/requests/:id",
                    "the requester, the host's current manager, admins (roles read from the database)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/requests/" + f.request()),
                    AccessMatrixIT::requestState,
                    f -> as("owner", f.owner().token(), get("/api/requests/" + f.request()), 200)),
            new Row(
                    "PATCH",
                    "/api/requests/:id",
                    "the host's current manager (accepted invitation, manager role) or an admin decides; the requester"
                            + " withdraws",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> patch("/api/requests/" + f.request(), new JsonObject().put("decision", "approve")),
                    AccessMatrixIT::requestState,
                    f -> as(
                            "owner (requester)",
                            f.owner().token(),
                            patch("/api/requests/" + f.request(), new JsonObject().put("decision", "withdraw")),
                            200)),
            // Sam: only in the caller's own Sam conversation
            new Row(
                    "POST",
                    "/api/sam",
                    "any signed-in user, in their own Sam conversation",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post(
                            "/api/sam",
                            new JsonObject()
                                    .put("message", "what did they ask you?")
                                    .put("conversationId", f.samConversation().toString())),
                    AccessMatrixIT::conversationState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post(
                                    "/api/sam",
                                    new JsonObject()
                                            .put("message", "find me a host")
                                            .put(
                                                    "conversationId",
                                                    f.samConversation().toString())),
                            202)),
            // payments
            new Row(
                    "POST",
                    "/api/payments/connect/onboard",
                    "hosts (role held now) with a verified address, for their own connected account",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> post("/api/payments/connect/onboard", new JsonObject()),
                    AccessMatrixIT::paymentState,
                    // No payments worker runs here: past authorization the host waits for it and gets its 503.
                    f -> as(
                            "the host partner",
                            f.partner().token(),
                            post("/api/payments/connect/onboard", new JsonObject()),
                            503)),
            new Row(
                    "POST",
                    "/api/payments/intents",
                    "the guest of a paid session awaiting payment",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post(
                            "/api/payments/intents",
                            new JsonObject().put("sessionId", f.paidSession().toString())),
                    AccessMatrixIT::paymentState,
                    f -> as(
                            "owner (guest)",
                            f.owner().token(),
                            post(
                                    "/api/payments/intents",
                                    new JsonObject()
                                            .put("sessionId", f.paidSession().toString())),
                            202)),
            new Row(
                    "POST",
                    "/api/payments/donations",
                    "any signed-in user to a payable host, naming only a conversation/session they share",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/payments/donations", donation(f)),
                    AccessMatrixIT::paymentState,
                    f -> as("owner", f.owner().token(), post("/api/payments/donations", donation(f)), 202)),
            new Row(
                    "GET",
                    "/api/payments",
                    "any signed-in user, listing payments they made or received (the payer's clientSecret only to the"
                            + " payer)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/payments?limit=100"),
                    AccessMatrixIT::paymentState,
                    f -> as("owner (payer)", f.owner().token(), get("/api/payments"), 200)),
            new Row(
                    "GET",
                    "/api/payments/connect/status",
                    "any signed-in user, for their own connected account",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/payments/connect/status"),
                    AccessMatrixIT::paymentState,
                    f -> as("the host partner", f.partner().token(), get("/api/payments/connect/status"), 200)),
            new Row(
                    "GET",
                    "/api/me/earnings",
                    "any signed-in user, for what they were paid",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/earnings"),
                    AccessMatrixIT::paymentState,
                    f -> as("the host partner (payee)", f.partner().token(), get("/api/me/earnings"), 200)),
            new Row(
                    "GET",
                    "/api/payments/:id",
                    "the payment's payer and payee",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> get("/api/payments/" + f.payment()),
                    AccessMatrixIT::paymentState,
                    f -> as("owner (payer)", f.owner().token(), get("/api/payments/" + f.payment()), 200)),
            new Row(
                    "POST",
                    "/api/payments/webhooks",
                    "Stripe only: a valid Stripe-Signature on the exact bytes; no user token is worth anything",
                    refused(400),
                    refused(400),
                    refused(400),
                    (f, c) -> post(
                            "/api/payments/webhooks",
                            new JsonObject()
                                    .put("id", "evt_forged_" + UUID.randomUUID())
                                    .put("type", "payment_intent.succeeded")),
                    f -> webhookState(),
                    f -> signedWebhook()),
            // admin: the admin role, checked in PostgreSQL on every call
            new Row(
                    "GET",
                    "/api/admin/users",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/admin/users?q=" + encode(f.owner().email())),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "admin",
                            admin.token(),
                            get("/api/admin/users?q=" + encode(f.owner().email())),
                            200)),
            new Row(
                    "PATCH",
                    "/api/admin/users/:id",
                    "admins (never on themselves)",
                    refused(401),
                    refused(403),
                    refused(403),
                    // a stranger suspends the owner; the suspended owner reinstates themselves
                    (f, c) -> patch(
                            "/api/admin/users/" + f.owner().id(),
                            new JsonObject()
                                    .put(
                                            "suspended",
                                            c == null
                                                    || !c.id().equals(f.owner().id()))
                                    .put("roles", new JsonArray().add("user").add("admin"))),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "admin",
                            admin.token(),
                            patch(
                                    "/api/admin/users/" + f.owner().id(),
                                    new JsonObject().put("roles", new JsonArray().add("user"))),
                            200)),
            new Row(
                    "GET",
                    "/api/admin/requests",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/admin/requests"),
                    AccessMatrixIT::requestState,
                    f -> as("admin", admin.token(), get("/api/admin/requests"), 200)),
            new Row(
                    "POST",
                    "/api/admin/announcements",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> post("/api/admin/announcements", new JsonObject().put("message", "free money, click")),
                    f -> announcementState(),
                    f -> as(
                            "admin",
                            admin.token(),
                            post(
                                    "/api/admin/announcements",
                                    new JsonObject().put("message", "access matrix " + UUID.randomUUID())),
                            201)),
            new Row(
                    "POST",
                    "/api/admin/reviews/:sessionId/hide",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> post(
                            "/api/admin/reviews/" + f.freeSession() + "/hide",
                            new JsonObject().put("reason", "access matrix")),
                    AccessMatrixIT::reviewState,
                    // 404 while the fixture's session has no review: the admin got past the role check
                    f -> as(
                            "admin",
                            admin.token(),
                            post(
                                    "/api/admin/reviews/" + f.freeSession() + "/hide",
                                    new JsonObject().put("reason", "access matrix")),
                            200,
                            404)),
            new Row(
                    "GET",
                    "/api/admin/audit",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/admin/audit"),
                    AccessMatrixIT::accountState,
                    f -> as("admin", admin.token(), get("/api/admin/audit"), 200)),
            new Row(
                    "GET",
                    "/api/admin/metrics",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/admin/metrics"),
                    AccessMatrixIT::accountState,
                    // 503 metrics-unavailable until the metrics topology's first snapshot reached this edge
                    f -> as("admin", admin.token(), get("/api/admin/metrics"), 200, 503)),
            // manager invitations: the host invites, the invitee accepts, either ends it
            new Row(
                    "POST",
                    "/api/manager-invitations",
                    "hosts (role held now) with a verified address, inviting someone else",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> post(
                            "/api/manager-invitations",
                            new JsonObject().put("managerId", f.owner().id().toString())),
                    AccessMatrixIT::invitationState,
                    f -> {
                        Account host = register("inviting host", "host");
                        verify(host);
                        return as(
                                "a verified host",
                                host.token(),
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put("managerId", f.owner().id().toString())),
                                201);
                    }),
            new Row(
                    "GET",
                    "/api/manager-invitations",
                    "any signed-in user, their own sent and received invitations",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/manager-invitations"),
                    AccessMatrixIT::invitationState,
                    f -> as("owner (invitee)", f.owner().token(), get("/api/manager-invitations"), 200)),
            new Row(
                    "POST",
                    "/api/manager-invitations/:id/accept",
                    "the invitee, with a verified address",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/manager-invitations/" + f.invitation() + "/accept", new JsonObject()),
                    AccessMatrixIT::invitationState,
                    f -> {
                        verify(f.owner());
                        return as(
                                "owner (invitee)",
                                f.owner().token(),
                                post("/api/manager-invitations/" + f.invitation() + "/accept", new JsonObject()),
                                200);
                    }),
            new Row(
                    "DELETE",
                    "/api/manager-invitations/:id",
                    "the host who sent it or its invitee",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> new Call("DELETE", "/api/manager-invitations/" + f.invitation(), null),
                    AccessMatrixIT::invitationState,
                    f -> as(
                            "the host partner",
                            f.partner().token(),
                            new Call("DELETE", "/api/manager-invitations/" + f.invitation(), null),
                            204)),
            // trust and safety: blocks, inbound policy and reports are the caller's own; the queue is the admins'
            new Row(
                    "GET",
                    "/api/blocks",
                    "any signed-in user, for the accounts they block",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/blocks"),
                    AccessMatrixIT::blockState,
                    f -> as("owner", f.owner().token(), get("/api/blocks"), 200)),
            new Row(
                    "POST",
                    "/api/blocks",
                    "any signed-in user, blocking for themselves",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post(
                            "/api/blocks",
                            new JsonObject().put("userId", f.partner().id().toString())),
                    AccessMatrixIT::blockState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            post(
                                    "/api/blocks",
                                    new JsonObject()
                                            .put(
                                                    "userId",
                                                    register("blockee", "user")
                                                            .id()
                                                            .toString())),
                            201)),
            new Row(
                    "DELETE",
                    "/api/blocks/:userId",
                    "any signed-in user, lifting a block of their own",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> new Call("DELETE", "/api/blocks/" + f.partner().id(), null),
                    AccessMatrixIT::blockState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            new Call("DELETE", "/api/blocks/" + f.partner().id(), null),
                            204)),
            new Row(
                    "GET",
                    "/api/me/inbound-policy",
                    "any signed-in user, for their own inbound policy",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/inbound-policy"),
                    AccessMatrixIT::inboundPolicyState,
                    f -> as("partner", f.partner().token(), get("/api/me/inbound-policy"), 200)),
            new Row(
                    "PUT",
                    "/api/me/inbound-policy",
                    "any signed-in user, for their own inbound policy",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> put(
                            "/api/me/inbound-policy",
                            new JsonObject().put("requestFirst", true).put("maxNewConversationsPerDay", 1)),
                    AccessMatrixIT::inboundPolicyState,
                    f -> as(
                            "partner",
                            f.partner().token(),
                            put("/api/me/inbound-policy", new JsonObject().put("requestFirst", false)),
                            200)),
            new Row(
                    "POST",
                    "/api/reports",
                    "any signed-in user, for what they can see (a message of their own conversation)",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> post("/api/reports", messageReport(f)),
                    AccessMatrixIT::reportState,
                    f -> as("partner", f.partner().token(), post("/api/reports", messageReport(f)), 201)),
            new Row(
                    "GET",
                    "/api/reports",
                    "any signed-in user, for their own reports",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/reports"),
                    AccessMatrixIT::reportState,
                    f -> as("partner", f.partner().token(), get("/api/reports"), 200)),
            new Row(
                    "GET",
                    "/api/admin/reports",
                    "admins (reporters' identities are for admins only)",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> get("/api/admin/reports"),
                    AccessMatrixIT::reportState,
                    f -> as("admin", admin.token(), get("/api/admin/reports"), 200)),
            new Row(
                    "POST",
                    "/api/admin/reports/:id/resolve",
                    "admins",
                    refused(401),
                    refused(403),
                    refused(403),
                    (f, c) -> post("/api/admin/reports/" + openReportOf(f) + "/resolve", dismissal()),
                    AccessMatrixIT::reportState,
                    // 404 while the fixture has no open report: the admin got past the role check
                    f -> as(
                            "admin",
                            admin.token(),
                            post("/api/admin/reports/" + openReportOf(f) + "/resolve", dismissal()),
                            200,
                            404)),
            new Row(
                    "GET",
                    "/api/me/export",
                    "any signed-in user, for their own data only",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/export"),
                    AccessMatrixIT::accountState,
                    f -> as("owner", f.owner().token(), get("/api/me/export"), 200)),
            new Row(
                    "GET",
                    "/api/me/deletion",
                    "any signed-in user, for their own account",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/deletion"),
                    AccessMatrixIT::deletionState,
                    f -> as("owner", f.owner().token(), get("/api/me/deletion"), 200)),
            new Row(
                    "POST",
                    "/api/me/deletion",
                    "any signed-in user, for their own account (there is no id of another to name)",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post("/api/me/deletion", new JsonObject()),
                    AccessMatrixIT::deletionState,
                    // a new account, so that the owner keeps their other sign-ins for the controls after this one
                    f -> as(
                            "a user, for their own account",
                            register("Leaving", "user").token(),
                            post("/api/me/deletion", new JsonObject()),
                            200)),
            new Row(
                    "DELETE",
                    "/api/me/deletion",
                    "any signed-in user, for their own scheduled deletion",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> new Call("DELETE", "/api/me/deletion", null),
                    AccessMatrixIT::deletionState,
                    f -> {
                        Account leaving = register("Changing their mind", "user");
                        expectStatus(send(leaving.token(), post("/api/me/deletion", new JsonObject())), 200);
                        return as(
                                "a user, for their own account",
                                leaving.token(),
                                new Call("DELETE", "/api/me/deletion", null),
                                200);
                    }),
            new Row(
                    "GET",
                    "/api/me/sessions",
                    "any signed-in user, for their own sign-ins",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/sessions"),
                    AccessMatrixIT::accountState,
                    f -> as("owner", f.owner().token(), get("/api/me/sessions"), 200)),
            new Row(
                    "DELETE",
                    "/api/me/sessions/:sessionId",
                    "the owner of the sign-in",
                    refused(401),
                    refused(404),
                    refused(403),
                    (f, c) -> new Call("DELETE", "/api/me/sessions/" + signInOf(f.owner()), null),
                    AccessMatrixIT::accountState,
                    f -> as(
                            "owner",
                            f.owner().token(),
                            new Call("DELETE", "/api/me/sessions/" + signInOf(login(f.owner())), null),
                            204)),
            new Row(
                    "GET",
                    "/api/me/two-factor",
                    "any signed-in user, for their own account",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/me/two-factor"),
                    AccessMatrixIT::twoFactorState,
                    f -> as("owner", f.owner().token(), get("/api/me/two-factor"), 200)),
            new Row(
                    "POST",
                    "/api/me/two-factor",
                    "any signed-in user, for their own account",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> post("/api/me/two-factor", new JsonObject()),
                    AccessMatrixIT::twoFactorState,
                    f -> as(
                            "a user, for their own account",
                            register("Enrolling", "host").token(),
                            post("/api/me/two-factor", new JsonObject()),
                            201)),
            new Row(
                    "POST",
                    "/api/me/two-factor/confirm",
                    "any signed-in user, with a code of their own enrolment (the stranger enrolled in the row before)",
                    refused(401),
                    refused(422),
                    refused(403),
                    (f, c) -> post("/api/me/two-factor/confirm", new JsonObject().put("code", "000000")),
                    AccessMatrixIT::twoFactorState,
                    f -> {
                        Account host = register("Confirming", "host");
                        String secret = expectStatus(
                                        send(host.token(), post("/api/me/two-factor", new JsonObject())), 201)
                                .json()
                                .getString("secret");
                        return as(
                                "a user, with their app's code",
                                host.token(),
                                post(
                                        "/api/me/two-factor/confirm",
                                        new JsonObject().put("code", AuthenticatorApp.code(secret, Instant.now()))),
                                200);
                    }),
            new Row(
                    "POST",
                    "/api/me/two-factor/disable",
                    "any signed-in user with two-factor sign-in on, with a code of their own",
                    refused(401),
                    refused(409),
                    refused(403),
                    (f, c) -> post("/api/me/two-factor/disable", new JsonObject().put("code", "000000")),
                    AccessMatrixIT::twoFactorState,
                    f -> {
                        Account host = register("Disabling", "host");
                        String secret = expectStatus(
                                        send(host.token(), post("/api/me/two-factor", new JsonObject())), 201)
                                .json()
                                .getString("secret");
                        expectStatus(
                                send(
                                        host.token(),
                                        post(
                                                "/api/me/two-factor/confirm",
                                                new JsonObject()
                                                        .put("code", AuthenticatorApp.code(secret, Instant.now())))),
                                200);
                        return as(
                                "a user, with their app's next code",
                                host.token(),
                                post(
                                        "/api/me/two-factor/disable",
                                        new JsonObject()
                                                .put(
                                                        "code",
                                                        AuthenticatorApp.code(
                                                                secret,
                                                                Instant.now().plusSeconds(30)))),
                                204);
                    }),
            apiDocument("/api/openapi.yaml"),
            apiDocument("/api/openapi.json"),
            apiDocument("/api/asyncapi.yaml"),
            apiDocument("/api/asyncapi.json"),
            apiDocument("/api/asyncapi-ws.yaml"),
            apiDocument("/api/asyncapi-ws.json"),
            new Row(
                    "GET",
                    "/api/announcements",
                    "any signed-in user",
                    refused(401),
                    OWN_DATA_ONLY,
                    refused(403),
                    (f, c) -> get("/api/announcements"),
                    f -> announcementState(),
                    f -> as("owner", f.owner().token(), get("/api/announcements"), 200)));

    /** The API's own description: public, and nothing in it is anyone's data. */
    private static Row apiDocument(String path) {
        return new Row(
                "GET",
                path,
                "anyone (public API description)",
                OWN_DATA_ONLY,
                OWN_DATA_ONLY,
                OWN_DATA_ONLY,
                (f, c) -> get(path),
                f -> "",
                f -> as("anyone", null, get(path), 200));
    }

    // ---- set-up -----------------------------------------------------------------------------------------------

    @BeforeAll
    static void fixtures() throws Exception {
        Map<String, String> env = PLATFORM.environment();
        database = PostgresUrl.parse(env.get("HUMANCHAT_PG_URL"));
        // Payments configured, and a per-user budget the snapshots of hundreds of checks cannot exhaust.
        edge = PLATFORM.startExtraEdge(
                "edge-access-matrix",
                Map.of(
                        "HUMANCHAT_STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET,
                        "HUMANCHAT_RATE_LIMIT_USER_PER_MINUTE", "1000000",
                        "HUMANCHAT_SEND_WAIT_MS", "3000"));
        webhookOffsets = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.get("HUMANCHAT_KAFKA_BOOTSTRAP")),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        admin = PLATFORM.admin();
        stranger = register("stranger", "user", "the stranger's own password");
        // A verified stranger: asking for another verification e-mail is a 409, whenever the row runs.
        verify(stranger);
        manager = register("manager", "user");
        managedHost = register("managed host", "host");
        manage(managedHost, manager);

        active = fixture("owner", 6);
        suspended = fixture("suspended owner", 12);
        upload(active);
        upload(suspended);
        socketOpenWhenSuspended = TestSocket.connect(
                PLATFORM.clientVertx(), edge.port(), suspended.owner().token(), null);
        socketOpenWhenSuspended.await(f -> "hello".equals(f.getString("type")));
        expectStatus(
                send(
                        admin.token(),
                        patch(
                                "/api/admin/users/" + suspended.owner().id(),
                                new JsonObject().put("suspended", true).put("reason", "access matrix"))),
                200);
        // The suspension reaches this edge through users.events.
        await().atMost(WAIT)
                .until(() ->
                        send(suspended.owner().token(), get("/api/auth/me")).status() == 403);
    }

    @AfterAll
    static void stop() {
        if (socketOpenWhenSuspended != null) {
            socketOpenWhenSuspended.close();
        }
        if (webhookOffsets != null) {
            webhookOffsets.close();
        }
        if (edge != null) {
            edge.closeAndWait(30);
        }
    }

    private static Fixture fixture(String name, int daysAhead) throws SQLException {
        Account owner = register(name, "user");
        Account partner = register(name + "'s host", "host");
        verify(partner);
        makePayable(partner);
        UUID conversation = UUID.fromString(expectStatus(
                        send(
                                owner.token(),
                                post(
                                        "/api/conversations",
                                        new JsonObject()
                                                .put(
                                                        "participantIds",
                                                        new JsonArray()
                                                                .add(partner.id()
                                                                        .toString())))),
                        201)
                .json()
                .getString("conversationId"));
        String secret = "secret of " + name + " " + UUID.randomUUID();
        expectStatus(send(owner.token(), message(conversation, secret)), 201);
        expectStatus(send(partner.token(), message(conversation, "reply to " + name)), 201);

        // it starts in five minutes, so its guest may start it (from ten minutes before the start)
        JsonObject startingSoon = booking(partner, conversation, "free", 0, 30, daysAhead)
                .put("startTime", Instant.now().plus(5, ChronoUnit.MINUTES).toString());
        UUID freeSession = sessionId(expectStatus(send(owner.token(), post("/api/sessions", startingSoon)), 201));
        expectStatus(
                send(
                        partner.token(),
                        patch("/api/sessions/" + freeSession, new JsonObject().put("status", "accepted"))),
                200);
        // a paid session costs the host's published price; the host is free again afterwards (POST /api/sessions row)
        expectStatus(send(partner.token(), patch("/api/me/profile", new JsonObject().put("priceCents", PRICE))), 200);
        UUID paidSession = sessionId(expectStatus(
                send(
                        owner.token(),
                        post("/api/sessions", booking(partner, conversation, "paid", PRICE, 30, daysAhead + 1))),
                201));
        expectStatus(send(partner.token(), patch("/api/me/profile", new JsonObject().put("priceCents", 0))), 200);
        expectStatus(
                send(
                        partner.token(),
                        patch("/api/sessions/" + paidSession, new JsonObject().put("status", "accepted"))),
                200);
        UUID request = UUID.fromString(expectStatus(
                        send(
                                owner.token(),
                                post(
                                        "/api/requests",
                                        new JsonObject()
                                                .put(
                                                        "hostUserId",
                                                        managedHost.id().toString())
                                                .put("message", "twenty minutes, please"))),
                        201)
                .json()
                .getString("requestId"));
        UUID samConversation = UUID.fromString(
                expectStatus(send(owner.token(), post("/api/sam", new JsonObject().put("message", "hello Sam"))), 202)
                        .json()
                        .getString("conversationId"));
        UUID payment = insertPayment(owner, partner, conversation);
        // The host partner invites the owner to manage them: an invitation whose invitee is the owner.
        UUID invitation = UUID.fromString(expectStatus(
                        send(
                                partner.token(),
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put("managerId", owner.id().toString()))),
                        201)
                .json()
                .getString("id"));
        Fixture fixture = new Fixture(
                owner,
                partner,
                conversation,
                secret,
                freeSession,
                paidSession,
                request,
                payment,
                samConversation,
                invitation);
        // Settled: the projection shows both messages and the six system messages of the two sessions (requested,
        // accepted, confirmed / awaiting payment), both sessions in their status and the Sam conversation.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(send(partner.token(), get("/api/conversations/" + conversation + "/messages"))
                            .json()
                            .getJsonArray("items"))
                    .hasSize(8);
            assertThat(send(partner.token(), get("/api/sessions/" + paidSession))
                            .json()
                            .getString("status"))
                    .isEqualTo("awaiting_payment");
            assertThat(send(partner.token(), get("/api/sessions/" + freeSession))
                            .json()
                            .getString("status"))
                    .isEqualTo("confirmed");
            assertThat(send(owner.token(), get("/api/conversations/" + samConversation))
                            .status())
                    .isEqualTo(200);
        });
        return fixture;
    }

    // ---- the tests --------------------------------------------------------------------------------------------

    @Test
    @Order(1)
    void everyApiRouteOfTheRealRouterIsInTheMatrix() {
        List<RouteInventory.Endpoint> endpoints = RouteInventory.endpoints(edge);
        List<String> walked = endpoints.stream()
                .filter(e -> e.path().startsWith("/api/"))
                .map(e -> e.method() + " " + e.path())
                .filter(route -> !FILTER_ROUTES.contains(route))
                .toList();
        List<String> table = ROUTES.stream().map(Row::route).toList();

        assertThat(walked).as("routes of the real router").isNotEmpty().doesNotHaveDuplicates();
        assertThat(table).as("the matrix").doesNotHaveDuplicates();
        assertThat(table).as("every /api route of the real router has a row").containsAll(walked);
        assertThat(walked).as("every row names a route that exists").containsAll(table);
        assertThat(endpoints.stream()
                        .filter(e -> e.regex() && e.path().startsWith("/api/"))
                        .map(e -> e.method() + " " + e.path()))
                .as("regex routes under /api are the known filters only")
                .containsExactlyInAnyOrderElementsOf(FILTER_ROUTES);
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> nobodyButTheRightfulPartyGetsIn() {
        return ROUTES.stream().flatMap(row -> Stream.of(Caller.values())
                .map(caller -> DynamicTest.dynamicTest(
                        row.route() + " as " + caller.name().toLowerCase().replace('_', ' ') + " → "
                                + row.expect(caller),
                        () -> checkRefusal(row, caller))));
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> strangersSocketFramesAreRefusedAndTheOwnersHearNothing() {
        return Stream.of(
                frameCase(
                        "message.send",
                        "unknown_conversation",
                        f -> new JsonObject()
                                .put("type", "message.send")
                                .put("conversationId", f.conversation().toString())
                                .put("clientMessageId", "ws-" + UUID.randomUUID())
                                .put("content", "let me in"),
                        "message.new"),
                frameCase(
                        "message.send",
                        "unknown_conversation",
                        f -> new JsonObject()
                                .put("type", "message.send")
                                .put("conversationId", f.conversation().toString())
                                .put("clientMessageId", "ws-reply-" + UUID.randomUUID())
                                .put("content", "quoting what I cannot see")
                                .put("replyToSeq", 1),
                        "message.new"),
                frameCase(
                        "message.send",
                        "unknown_conversation",
                        f -> new JsonObject()
                                .put("type", "message.send")
                                .put("conversationId", f.conversation().toString())
                                .put("clientMessageId", "ws-mention-" + UUID.randomUUID())
                                .put("content", "<@" + f.partner().id() + "> hello")
                                .put(
                                        "mentionedUserIds",
                                        new JsonArray().add(f.partner().id().toString())),
                        "message.new"),
                // the owner's own file: the owner may send it; a stranger is refused as for any id not theirs
                frameCase(
                        "message.send",
                        "invalid",
                        f -> new JsonObject()
                                .put("type", "message.send")
                                .put("conversationId", f.conversation().toString())
                                .put("clientMessageId", "ws-file-" + UUID.randomUUID())
                                .put("content", "")
                                .put(
                                        "attachmentIds",
                                        new JsonArray().add(uploadsOf(f).file())),
                        "message.new"),
                frameCase(
                        "read",
                        "unknown_conversation",
                        f -> new JsonObject()
                                .put("type", "read")
                                .put("conversationId", f.conversation().toString())
                                .put("seq", 1),
                        null),
                frameCase(
                        "typing",
                        "unknown_conversation",
                        f -> new JsonObject()
                                .put("type", "typing")
                                .put("conversationId", f.conversation().toString())
                                .put("isTyping", true),
                        "typing"),
                frameCase(
                        "rtc.signal",
                        "unknown_session",
                        f -> new JsonObject()
                                .put("type", "rtc.signal")
                                .put("sessionId", f.freeSession().toString())
                                .put(
                                        "payload",
                                        new JsonObject().put("type", "offer").put("sdp", "v=0")),
                        "rtc.signal"),
                frameCase(
                        "presence",
                        null,
                        f -> new JsonObject().put("type", "presence").put("status", "busy"),
                        "presence"));
    }

    @Test
    @Order(4)
    void anAnonymousOrSuspendedUpgradeIsRefusedAndASuspendedUsersOpenSocketWasClosed() {
        Answer anonymous =
                TestHttp.send(HttpRequest.newBuilder(TestHttp.uri(edge, "/ws")).GET());
        assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);

        Throwable refused = catchUpgrade(suspended.owner().token());
        assertThat(refused).isInstanceOf(UpgradeRejectedException.class);
        assertThat(((UpgradeRejectedException) refused).getStatus()).isEqualTo(403);

        await().atMost(WAIT).until(socketOpenWhenSuspended::isClosed);
        assertThat(socketOpenWhenSuspended.closeStatus()).isEqualTo((short) 1008);

        // positive control: the active owner's upgrade is accepted
        try (TestSocket owner = TestSocket.connect(
                PLATFORM.clientVertx(), edge.port(), active.owner().token(), null)) {
            owner.await(f -> "hello".equals(f.getString("type")));
        }
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> theRightfulPartyMayDoEachOfIt() {
        return ROUTES.stream()
                .map(row -> DynamicTest.dynamicTest(row.route() + " as " + row.mayCall(), () -> {
                    Positive positive = row.ownerMay().apply(active);
                    Answer answer = send(positive.token(), positive.call());
                    assertThat(answer.status())
                            .as(positive.who() + ": " + answer)
                            .isIn(positive.statuses());
                    if (answer.status() == 503 && positive.call().path().equals("/api/admin/metrics")) {
                        assertThat(answer.json().getString("type")).endsWith("metrics-unavailable");
                    }
                    if (positive.statuses().equals(Set.of(503))) {
                        // authorization passed; only the absent payments worker is missing
                        assertThat(answer.json().getString("detail")).contains("payments worker");
                    }
                }));
    }

    /**
     * Role states the token cannot tell (issue 23, findings 1, 2 and 7): each account's token was minted before its
     * role ended, or it never earned the power. A demoted admin, a manager whose role was removed, an invitee who did not
     * accept, a demoted host and an unverified user are each refused, and the request they aimed at stays pending.
     */
    @TestFactory
    @Order(6)
    Stream<DynamicTest> formerUnacceptedAndUnprovenRolesAreRefused() {
        // a demoted admin, with a token minted while admin
        Account deputy = register("demoted admin", "user");
        setRoles(deputy, "user", "admin");
        String deputyToken = login(deputy).token();
        setRoles(deputy, "user");
        // a second managed host, its manager removed by an admin, then an invitee who did not accept
        Account host = register("formerly managed host", "host");
        Account removedManager = register("removed manager", "user");
        manage(host, removedManager);
        UUID request = UUID.fromString(expectStatus(
                        send(
                                stranger.token(),
                                post(
                                        "/api/requests",
                                        new JsonObject()
                                                .put("hostUserId", host.id().toString())
                                                .put("message", "still pending?"))),
                        201)
                .json()
                .getString("requestId"));
        String removedManagerToken = login(removedManager).token();
        setRoles(removedManager, "user");
        Account invitee = register("unaccepted invitee", "user");
        verify(invitee);
        expectStatus(
                send(
                        host.token(),
                        post(
                                "/api/manager-invitations",
                                new JsonObject().put("managerId", invitee.id().toString()))),
                201);
        // a demoted host (verified, with a token minted while host) and an unverified host and invitee
        Account demotedHost = register("demoted host", "host");
        verify(demotedHost);
        String demotedHostToken = login(demotedHost).token();
        setRoles(demotedHost, "user");
        Account unverifiedHost = register("unverified host", "host");
        Account verifiedHost = register("verified host", "host");
        verify(verifiedHost);
        Account unverifiedInvitee = register("unverified invitee", "user");
        String unverifiedInvitation = expectStatus(
                        send(
                                verifiedHost.token(),
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put(
                                                        "managerId",
                                                        unverifiedInvitee.id().toString()))),
                        201)
                .json()
                .getString("id");
        Function<Fixture, String> state = f -> requestState(f)
                + send(admin.token(), get("/api/requests/" + request)).body()
                + send(host.token(), get("/api/manager-invitations")).body()
                + send(verifiedHost.token(), get("/api/manager-invitations")).body();
        return Stream.of(
                        roleCase("demoted admin lists every request", deputyToken, get("/api/admin/requests"), 403),
                        roleCase(
                                "demoted admin reads a request",
                                deputyToken,
                                get("/api/requests/" + active.request()),
                                404),
                        roleCase(
                                "demoted admin declines a request",
                                deputyToken,
                                patch("/api/requests/" + active.request(), new JsonObject().put("decision", "decline")),
                                403),
                        roleCase(
                                "removed manager reads the host's request",
                                removedManagerToken,
                                get("/api/requests/" + request),
                                404),
                        roleCase(
                                "removed manager approves the host's request",
                                removedManagerToken,
                                patch("/api/requests/" + request, new JsonObject().put("decision", "approve")),
                                403),
                        roleCase(
                                "un-accepted invitee reads the host's request",
                                invitee.token(),
                                get("/api/requests/" + request),
                                404),
                        roleCase(
                                "un-accepted invitee approves the host's request",
                                invitee.token(),
                                patch("/api/requests/" + request, new JsonObject().put("decision", "approve")),
                                403),
                        roleCase(
                                "demoted host onboards for payouts",
                                demotedHostToken,
                                post("/api/payments/connect/onboard", new JsonObject()),
                                403),
                        roleCase(
                                "demoted host invites a manager",
                                demotedHostToken,
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put("managerId", stranger.id().toString())),
                                403),
                        roleCase(
                                "unverified host onboards for payouts",
                                unverifiedHost.token(),
                                post("/api/payments/connect/onboard", new JsonObject()),
                                403,
                                "email-unverified"),
                        roleCase(
                                "unverified host invites a manager",
                                unverifiedHost.token(),
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put("managerId", stranger.id().toString())),
                                403,
                                "email-unverified"),
                        roleCase(
                                "unverified invitee accepts",
                                unverifiedInvitee.token(),
                                post("/api/manager-invitations/" + unverifiedInvitation + "/accept", new JsonObject()),
                                403,
                                "email-unverified"))
                .map(c -> DynamicTest.dynamicTest(c.name() + " → " + c.status(), () -> {
                    String before = state.apply(active);
                    Answer answer = send(c.token(), c.call());
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(c.status());
                    assertThat(answer.contentType()).isEqualTo("application/problem+json");
                    if (c.slug() != null) {
                        assertThat(answer.json().getString("type")).endsWith("/" + c.slug());
                    }
                    assertThat(state.apply(active))
                            .as("what the rightful parties see is unchanged")
                            .isEqualTo(before);
                }));
    }

    /** One refused call of an account whose role ended or was never earned. */
    private record RoleCase(String name, String token, Call call, int status, String slug) {}

    private static RoleCase roleCase(String name, String token, Call call, int status) {
        return new RoleCase(name, token, call, status, null);
    }

    private static RoleCase roleCase(String name, String token, Call call, int status, String slug) {
        return new RoleCase(name, token, call, status, slug);
    }

    private static void setRoles(Account account, String... roles) {
        expectStatus(
                send(
                        admin.token(),
                        patch(
                                "/api/admin/users/" + account.id(),
                                new JsonObject().put("roles", new JsonArray(List.of(roles))))),
                200);
    }

    // ---- checks -----------------------------------------------------------------------------------------------

    private static void checkRefusal(Row row, Caller caller) {
        Fixture fixture = caller == Caller.SUSPENDED_OWNER ? suspended : active;
        Account who =
                switch (caller) {
                    case ANONYMOUS -> null;
                    case STRANGER -> stranger;
                    case SUSPENDED_OWNER -> suspended.owner();
                };
        String before = row.state().apply(fixture);
        Answer answer = send(who == null ? null : who.token(), row.attempt().apply(fixture, who));
        switch (row.expect(caller)) {
            case Expect.Refused(int status) -> {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
                if (status != 204) {
                    assertThat(answer.contentType()).isEqualTo("application/problem+json");
                }
            }
            case Expect.OwnDataOnly() ->
                assertThat(answer.status()).as(answer.toString()).isBetween(200, 299);
        }
        // A problem's instance is the path the caller asked for: it echoes the caller's own input.
        String answered = answer.contentType().equals("application/problem+json")
                ? withoutInstance(answer.json()).encode()
                : answer.body();
        for (String marker : fixture.privateMarkers()) {
            assertThat(answered).as("the answer reveals nothing of the owner's").doesNotContain(marker);
        }
        assertThat(row.state().apply(fixture))
                .as("what the rightful parties see is unchanged")
                .isEqualTo(before);
    }

    /**
     * A stranger sends {@code frame} aimed at the active owner's conversation or session and gets the {@code error}
     * frame {@code errorCode} (none for presence, which names no target); then the owner sends the same frame, which
     * the partner hears ({@code heard}) — proving the partner's socket would have heard the stranger's, had it gone
     * through — and nothing the partner received names the stranger.
     */
    private static DynamicTest frameCase(
            String type, String errorCode, Function<Fixture, JsonObject> frame, String heard) {
        String name = type + (errorCode == null ? " (no target) → owners hear nothing" : " → error " + errorCode);
        return DynamicTest.dynamicTest(name, () -> {
            Fixture f = active;
            // a stranger of its own: the matrix's stranger opened a conversation with the partner by now
            Account outsider = register("outsider", "user");
            try (TestSocket intruder = TestSocket.connect(PLATFORM.clientVertx(), edge.port(), outsider.token(), null);
                    TestSocket owner = TestSocket.connect(
                            PLATFORM.clientVertx(), edge.port(), f.owner().token(), null);
                    TestSocket partner = TestSocket.connect(
                            PLATFORM.clientVertx(), edge.port(), f.partner().token(), null)) {
                for (TestSocket socket : List.of(intruder, owner, partner)) {
                    socket.await(x -> "hello".equals(x.getString("type")));
                }
                intruder.send(frame.apply(f));
                if (errorCode != null) {
                    JsonObject error = intruder.await(x -> "error".equals(x.getString("type")));
                    assertThat(error.getString("code")).as(error.encode()).isEqualTo(errorCode);
                }
                // a ping answered after the frame: the edge has handled it
                intruder.send(new JsonObject().put("type", "ping"));
                intruder.await(x -> "pong".equals(x.getString("type")));

                owner.send(frame.apply(f));
                if (heard != null) {
                    partner.await(x -> heard.equals(x.getString("type"))
                            && x.encode().contains(f.owner().id().toString()));
                } else {
                    owner.send(new JsonObject().put("type", "ping"));
                    owner.await(x -> "pong".equals(x.getString("type")));
                    assertThat(owner.frames("error"))
                            .as("the owner may mark read")
                            .isEmpty();
                }
                for (TestSocket listener : List.of(owner, partner)) {
                    assertThat(listener.frames())
                            .as("the owners hear nothing of the stranger")
                            .noneMatch(x -> x.encode().contains(outsider.id().toString()));
                }
            }
        });
    }

    private static JsonObject withoutInstance(JsonObject problem) {
        JsonObject copy = problem.copy();
        copy.remove("instance");
        return copy;
    }

    private static Throwable catchUpgrade(String token) {
        try (TestSocket socket = TestSocket.connect(PLATFORM.clientVertx(), edge.port(), token, null)) {
            throw new AssertionError("the upgrade was accepted: " + socket.frames());
        } catch (IllegalStateException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root;
        }
    }

    // ---- what the rightful parties see --------------------------------------------------------------------------

    /** Whether the owner's account is due for deletion. */
    private static String deletionState(Fixture f) {
        return "deletionScheduled="
                + count(
                        "select count(*) from users where id = ? and deletion_due_at is not null",
                        f.owner().id());
    }

    /** Whether the owner has two-factor sign-in (on or pending). */
    private static String twoFactorState(Fixture f) {
        return "twoFactor="
                + count(
                        "select count(*) from two_factor where user_id = ?",
                        f.owner().id());
    }

    /** The sign-in (refresh-token family) an account's access token was issued for: its {@code sid} claim. */
    private static String signInOf(Account account) {
        String payload = account.token().split("\\.")[1];
        return new JsonObject(new String(
                        java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8))
                .getString("sid");
    }

    /** The account as an admin and the public see it, and how many refresh tokens it holds unrevoked. */
    private static String accountState(Fixture f) {
        JsonObject listed = send(
                        admin.token(),
                        get("/api/admin/users?q=" + encode(f.owner().email())))
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        String profile =
                send(admin.token(), get("/api/users/" + f.owner().id())).body();
        return listed.encode() + " " + profile + " liveRefreshTokens=" + liveRefreshTokens(f.owner()) + " users="
                + usersWithEmail(f.owner().email());
    }

    /** The conversation as the partner sees it: its summary, its messages and the partner's Sam-free list. */
    /** Each fixture owner's uploads: a PDF in their conversation and a profile picture, completed before any row. */
    record Uploads(String file, String avatar) {}

    private static final Map<UUID, Uploads> UPLOADS = new java.util.concurrent.ConcurrentHashMap<>();

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A 1×1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static void upload(Fixture f) {
        String file = uploaded(f.owner(), uploadRequest(f), PDF);
        String avatar = uploaded(
                f.owner(),
                new JsonObject()
                        .put("purpose", "avatar")
                        .put("name", "me.png")
                        .put("contentType", "image/png")
                        .put("sizeBytes", PNG.length),
                PNG);
        UPLOADS.put(f.owner().id(), new Uploads(file, avatar));
    }

    private static Uploads uploadsOf(Fixture f) {
        return UPLOADS.get(f.owner().id());
    }

    private static JsonObject uploadRequest(Fixture f) {
        return new JsonObject()
                .put("conversationId", f.conversation().toString())
                .put("name", "contract.pdf")
                .put("contentType", "application/pdf")
                .put("sizeBytes", PDF.length);
    }

    /** Registers, puts (to the edge's signed disk URL) and completes an upload: its id. */
    private static String uploaded(Account owner, JsonObject request, byte[] bytes) {
        JsonObject created = expectStatus(send(owner.token(), post("/api/attachments", request)), 201)
                .json();
        JsonObject upload = created.getJsonObject("upload");
        Answer put = TestHttp.send(HttpRequest.newBuilder(TestHttp.uri(edge, upload.getString("url")))
                .header("Content-Type", request.getString("contentType"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        expectStatus(put, 200);
        String id = created.getString("attachmentId");
        expectStatus(send(owner.token(), post("/api/attachments/" + id + "/complete", null)), 200);
        return id;
    }

    /** The owner's attachment as the partner sees it (its links change with every call; the attachment does not). */
    private static String attachmentState(Fixture f) {
        return send(f.partner().token(), get("/api/attachments/" + uploadsOf(f).file()))
                        .json()
                        .getJsonObject("attachment")
                        .encode()
                + conversationState(f);
    }

    private static String conversationState(Fixture f) {
        return send(f.partner().token(), get("/api/conversations/" + f.conversation()))
                        .body()
                + send(f.partner().token(), get("/api/conversations/" + f.conversation() + "/messages"))
                        .body()
                + send(f.partner().token(), get("/api/sessions?limit=100")).body()
                + send(
                                admin.token(),
                                get("/api/admin/users?q=" + encode(f.owner().email())))
                        .json()
                        .getJsonArray("items")
                        .getJsonObject(0)
                        .encode();
    }

    /** A reschedule to {@code days} days from now. */
    private static JsonObject rescheduleTo(int days) {
        return new JsonObject()
                .put("startTime", Instant.now().plus(days, ChronoUnit.DAYS).toString());
    }

    private static String sessionState(Fixture f) {
        return send(f.partner().token(), get("/api/sessions?limit=100")).body()
                + send(f.partner().token(), get("/api/conversations/" + f.conversation()))
                        .body();
    }

    /** The partner's (the host's) sessions and public reviews, with whether an admin hid one. */
    private static String reviewState(Fixture f) {
        return sessionState(f)
                + send(f.partner().token(), get("/api/hosts/" + f.partner().id() + "/reviews"))
                        .body()
                + " hidden="
                + count(
                        "select count(*) from session_reviews where host_id = ? and hidden",
                        f.partner().id());
    }

    /** The partner's (the host's) availability, as they read it (a 404's body names its request: left out). */
    private static String availabilityState(Fixture f) {
        Answer answer = send(f.partner().token(), get("/api/me/availability"));
        return answer.status() == 404 ? "no availability" : answer.body();
    }

    /** Weekday hours in {@code zone}, one-hour sessions. */
    private static JsonObject availability(String zone) {
        JsonArray hours =
                new JsonArray().add(new JsonObject().put("start", "09:00").put("end", "17:00"));
        return new JsonObject()
                .put("timeZone", zone)
                .put("weekly", new JsonObject().put("monday", hours).put("friday", hours))
                .put("bufferBeforeMinutes", 0)
                .put("bufferAfterMinutes", 0)
                .put("minimumNoticeMinutes", 0)
                .put("horizonDays", 30)
                .put("durationsMinutes", new JsonArray().add(60));
    }

    /** The partner's (the host's) booking terms, as they read them. */
    private static String bookingTermsState(Fixture f) {
        return send(f.partner().token(), get("/api/me/booking-terms")).body();
    }

    /** Whether the owner's address is verified and what roles they hold, as stored. */
    private static String verificationState(Fixture f) {
        return accountState(f) + " verified="
                + count(
                        "select count(*) from users where id = ? and email_verified_at is not null",
                        f.owner().id());
    }

    /** The fixture's invitation as its host sees it, and whom the host's profile names. */
    private static String invitationState(Fixture f) {
        return send(f.partner().token(), get("/api/manager-invitations")).body()
                + send(f.partner().token(), get("/api/auth/me")).json().getString("managerId");
    }

    private static String requestState(Fixture f) {
        return send(admin.token(), get("/api/requests/" + f.request())).body();
    }

    private static String paymentState(Fixture f) {
        return send(f.partner().token(), get("/api/payments/" + f.payment())).body()
                + send(f.partner().token(), get("/api/sessions/" + f.paidSession()))
                        .body()
                + paymentRows(f.partner());
    }

    private static String announcementState() {
        return send(admin.token(), get("/api/announcements?limit=5")).body();
    }

    /** The end offsets of {@code payments.webhooks}: a refused webhook publishes nothing. */
    private static String webhookState() {
        List<TopicPartition> partitions = webhookOffsets.partitionsFor(Topics.PAYMENTS_WEBHOOKS.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        return new java.util.TreeMap<>(webhookOffsets.endOffsets(partitions).entrySet().stream()
                        .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
                .toString();
    }

    private static Positive signedWebhook() {
        long now = Instant.now().getEpochSecond();
        String payload = StripeWebhooks.event(
                "evt_matrix_" + UUID.randomUUID(),
                "account.updated",
                now,
                StripeWebhooks.account("acct_matrix_" + UUID.randomUUID(), false, false));
        return new Positive(
                "Stripe (signed)",
                null,
                new Call(
                        "POST",
                        "/api/payments/webhooks",
                        payload,
                        Map.of("Stripe-Signature", StripeWebhooks.signature(payload, WEBHOOK_SECRET, now))),
                Set.of(200));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Answer send(String token, Call call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestHttp.uri(edge, call.path()));
        if (call.body() == null) {
            request.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body()));
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        call.headers().forEach(request::header);
        return TestHttp.send(request);
    }

    private static Answer expectStatus(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer;
    }

    private static Account register(String name, String role) {
        return register(name, role, PASSWORD);
    }

    private static Account register(String name, String role, String password) {
        String email = uniqueEmail(name);
        Answer answer = expectStatus(
                send(
                        null,
                        post(
                                "/api/auth/register",
                                new JsonObject()
                                        .put("email", email)
                                        .put("password", password)
                                        .put("displayName", name)
                                        .put("role", role))),
                201);
        return account(email, password, answer.json());
    }

    /** Follows the link the matrix edge mailed to {@code account} (its development outbox). */
    private static void verify(Account account) {
        TestHttp.verifyEmail(edge, account.email());
    }

    /** A token shaped like a real link's, naming the account, signed with a key nobody has. */
    private static String forgedLink(Account account) {
        return account.id() + "." + Instant.now().plusSeconds(3600).getEpochSecond() + "." + "A".repeat(43);
    }

    /** {@code manager} manages {@code host}: both verified, invited, accepted. */
    private static void manage(Account host, Account manager) {
        verify(host);
        verify(manager);
        String invitation = expectStatus(
                        send(
                                host.token(),
                                post(
                                        "/api/manager-invitations",
                                        new JsonObject()
                                                .put("managerId", manager.id().toString()))),
                        201)
                .json()
                .getString("id");
        expectStatus(
                send(manager.token(), post("/api/manager-invitations/" + invitation + "/accept", new JsonObject())),
                200);
    }

    private static Account login(Account account) {
        Answer answer = expectStatus(
                send(
                        null,
                        post(
                                "/api/auth/login",
                                new JsonObject().put("email", account.email()).put("password", account.password()))),
                200);
        return account(account.email(), account.password(), answer.json());
    }

    private static Account account(String email, String password, JsonObject tokens) {
        return new Account(
                UUID.fromString(tokens.getJsonObject("user").getString("id")),
                email,
                password,
                tokens.getString("accessToken"),
                tokens.getString("refreshToken"));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String uniqueEmail(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "-") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** The body {@code caller} can send with a refresh token: their own if they are the owner, else a guessed one. */
    private static JsonObject refreshTokenOf(Fixture f, Account caller) {
        String token =
                caller != null && caller.id().equals(f.owner().id()) ? caller.refreshToken() : guessedRefreshToken();
        return new JsonObject().put("refreshToken", token);
    }

    /** Shaped like a real refresh token, known to nobody. */
    private static String guessedRefreshToken() {
        return com.humanchat.edge.auth.RefreshTokens.generate();
    }

    private static Call message(UUID conversation, String content) {
        return post(
                "/api/conversations/" + conversation + "/messages",
                new JsonObject()
                        .put("clientMessageId", UUID.randomUUID().toString())
                        .put("content", content));
    }

    private static JsonObject booking(Account host, UUID conversation, String mode, long cents, int minutes) {
        return booking(host, conversation, mode, cents, minutes, 30);
    }

    private static JsonObject booking(
            Account host, UUID conversation, String mode, long cents, int minutes, int daysAhead) {
        return new JsonObject()
                .put("hostUserId", host.id().toString())
                .put("conversationId", conversation.toString())
                .put("durationMinutes", minutes)
                .put(
                        "startTime",
                        Instant.now()
                                .plus(daysAhead, ChronoUnit.DAYS)
                                .truncatedTo(ChronoUnit.HOURS)
                                .toString())
                .put("agreedPrice", new JsonObject().put("amountCents", cents).put("currency", "usd"))
                .put("paymentMode", mode);
    }

    private static JsonObject donation(Fixture f) {
        return new JsonObject()
                .put("hostUserId", f.partner().id().toString())
                .put("amountCents", 500)
                .put("currency", "usd")
                .put("conversationId", f.conversation().toString());
    }

    private static UUID sessionId(Answer answer) {
        return UUID.fromString(answer.json().getString("sessionId"));
    }

    private static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }

    /**
     * The payments worker owns the ledger; no worker runs here, so its rows are written as it would. The host
     * welcomes tips (their booking terms), so that a donation to them is refused for who asks, not for the host.
     */
    private static void makePayable(Account host) throws SQLException {
        try (Connection c = jdbc();
                PreparedStatement insert = c.prepareStatement("insert into payment_accounts"
                        + " (host_user_id, stripe_account_id, charges_enabled, payouts_enabled) values (?, ?, true,"
                        + " true)");
                PreparedStatement tips = c.prepareStatement("update users set donations_welcome = true where id = ?")) {
            insert.setObject(1, host.id());
            insert.setString(2, "acct_matrix_" + host.id());
            insert.executeUpdate();
            tips.setObject(1, host.id());
            tips.executeUpdate();
        }
    }

    private static UUID insertPayment(Account payer, Account payee, UUID conversation) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = jdbc();
                PreparedStatement insert = c.prepareStatement("insert into payments (payment_id, kind,"
                        + " conversation_id, payer_user_id, payee_user_id, amount_cents, currency, fee_cents, status,"
                        + " stripe_client_secret) values (?, 'donation', ?, ?, ?, 700, 'usd', 70, 'pending', ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, conversation);
            insert.setObject(3, payer.id());
            insert.setObject(4, payee.id());
            // a pending intent's secret holds the payment id, a private marker: no answer to anyone else shows it
            insert.setString(5, "pi_matrix_secret_" + id);
            insert.executeUpdate();
        }
        return id;
    }

    /**
     * The owner's one notification, written as the notifier would (no notifier runs here); its body is the fixture's
     * secret, so no answer to anyone else may show it.
     */
    private static UUID ownerNotification(Fixture f) {
        UUID id = UUID.nameUUIDFromBytes(("matrix-notification:" + f.owner().id()).getBytes(StandardCharsets.UTF_8));
        try (Connection c = jdbc();
                PreparedStatement insert = c.prepareStatement("insert into notifications (id, user_id, kind, title,"
                        + " body, link, conversation_id, source_event_id, created_at) values (?, ?, 'messages.unread',"
                        + " 'New message', ?, '/#/', ?, ?, now()) on conflict do nothing")) {
            insert.setObject(1, id);
            insert.setObject(2, f.owner().id());
            insert.setString(3, f.secretContent());
            insert.setObject(4, f.conversation());
            insert.setObject(5, id);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static JsonObject notificationIds(Fixture f) {
        return new JsonObject()
                .put("ids", new JsonArray().add(ownerNotification(f).toString()));
    }

    /** Whether the owner's notification is still unread. */
    private static String notificationState(Fixture f) {
        return "unread="
                + count("select count(*) from notifications where id = ? and read_at is null", ownerNotification(f));
    }

    private static JsonObject mutePreferences(Fixture f) {
        return new JsonObject()
                .put("emailEnabled", true)
                .put("pushEnabled", true)
                .put("emailDigest", "hourly")
                .putNull("quietHours")
                .put("timeZone", "Europe/Paris")
                .put(
                        "mutedConversationIds",
                        new JsonArray().add(f.conversation().toString()));
    }

    /** The owner's stored preferences and muted conversations. */
    private static String notificationPreferencesState(Fixture f) {
        return "preferences="
                + count(
                        "select count(*) from notification_preferences where user_id = ?" + " and email_enabled",
                        f.owner().id())
                + "/"
                + count(
                        "select count(*) from notification_preferences where user_id = ?",
                        f.owner().id())
                + " muted="
                + count(
                        "select count(*) from notification_muted_conversations where user_id = ?",
                        f.owner().id());
    }

    /** The owner's device: its endpoint names the owner's conversation, so no answer to anyone else may show it. */
    private static String pushEndpoint(Fixture f) {
        return "https://push.example.com/send/" + f.conversation();
    }

    private static JsonObject pushSubscription(Fixture f, String auth) {
        return new JsonObject()
                .put("endpoint", pushEndpoint(f))
                .put("keys", new JsonObject().put("p256dh", PUSH_P256DH).put("auth", auth));
    }

    /** The owner's push subscription, written as the edge would (once per fixture). */
    private static UUID ownerPushSubscription(Fixture f) {
        UUID id = UUID.nameUUIDFromBytes(("matrix-push:" + f.owner().id()).getBytes(StandardCharsets.UTF_8));
        try (Connection c = jdbc();
                PreparedStatement insert = c.prepareStatement("insert into push_subscriptions (id, user_id, endpoint,"
                        + " p256dh, auth) values (?, ?, ?, ?, ?) on conflict do nothing")) {
            insert.setObject(1, id);
            insert.setObject(2, f.owner().id());
            insert.setString(3, pushEndpoint(f));
            insert.setString(4, PUSH_P256DH);
            insert.setString(5, PUSH_AUTH);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Whose the owner's device is, and with which keys. */
    private static String pushSubscriptionState(Fixture f) {
        ownerPushSubscription(f);
        return "owner's devices="
                + count(
                        "select count(*) from push_subscriptions where user_id = ? and auth = '" + PUSH_AUTH + "'",
                        f.owner().id());
    }

    /** The owner's unsubscribe link as the notifier signs it, or with a forged signature. */
    private static String unsubscribeLink(Fixture f, String forgedSignature) {
        UnsubscribeLinks links = new UnsubscribeLinks(PLATFORM.environment().get("HUMANCHAT_JWT_SECRET"));
        String signature = forgedSignature == null ? links.signature(f.owner().id()) : forgedSignature;
        return UnsubscribeLinks.PATH + "?user=" + f.owner().id() + "&sig=" + signature;
    }

    private static long liveRefreshTokens(Account account) {
        return count("select count(*) from refresh_tokens where user_id = ? and revoked_at is null", account.id());
    }

    private static long usersWithEmail(String email) {
        return count("select count(*) from users where lower(email) = lower(?)", email);
    }

    private static String paymentRows(Account payee) {
        return "payments=" + count("select count(*) from payments where payee_user_id = ?", payee.id());
    }

    /** The accounts the owner blocks, as stored. */
    private static String blockState(Fixture f) {
        return "blocks="
                + count(
                        "select count(*) from user_blocks where blocker_id = ?",
                        f.owner().id());
    }

    /** The partner's inbound policy, as they read it. */
    private static String inboundPolicyState(Fixture f) {
        return send(f.partner().token(), get("/api/me/inbound-policy")).body();
    }

    /** The reports about the fixture's conversation and whether any was resolved, as stored. */
    private static String reportState(Fixture f) {
        return "reports="
                + count(
                        "select count(*) from reports where snapshot ->> 'conversationId' = ?::text",
                        f.conversation().toString())
                + " resolved="
                + count(
                        "select count(*) from reports where snapshot ->> 'conversationId' = ?::text"
                                + " and resolved_at is not null",
                        f.conversation().toString());
    }

    /** A report of the first message of the fixture's conversation. */
    private static JsonObject messageReport(Fixture f) {
        String messageId;
        try (Connection c = jdbc();
                PreparedStatement query =
                        c.prepareStatement("select id from messages where conversation_id = ? order by seq limit 1")) {
            query.setObject(1, f.conversation());
            try (var rows = query.executeQuery()) {
                rows.next();
                messageId = rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new JsonObject()
                .put("targetType", "message")
                .put("targetId", messageId)
                .put("reason", "spam");
    }

    /** An open report about the fixture's conversation, else a report id that exists nowhere. */
    private static UUID openReportOf(Fixture f) {
        try (Connection c = jdbc();
                PreparedStatement query = c.prepareStatement("select id from reports where snapshot ->>"
                        + " 'conversationId' = ?::text and resolved_at is null limit 1")) {
            query.setObject(1, f.conversation().toString());
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : UUID.randomUUID();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject dismissal() {
        return new JsonObject().put("action", "dismiss").put("note", "access matrix");
    }

    private static long count(String sql, Object parameter) {
        try (Connection c = jdbc();
                PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
