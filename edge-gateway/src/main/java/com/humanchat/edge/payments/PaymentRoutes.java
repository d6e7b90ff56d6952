package com.humanchat.edge.payments;

import com.humanchat.edge.auth.AccountStanding;
import com.humanchat.edge.auth.AuthenticatedUser;
import com.humanchat.edge.auth.BearerAuthHandler;
import com.humanchat.edge.http.JsonBody;
import com.humanchat.edge.http.KeysetCursor;
import com.humanchat.edge.http.ProblemException;
import com.humanchat.edge.http.ProblemType;
import com.humanchat.edge.http.Rejections;
import com.humanchat.edge.http.RequestParams;
import com.humanchat.edge.http.ResourceRouter;
import com.humanchat.schemas.sessions.Money;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/payments}: onboarding (host role, verified e-mail address) and its status, a session's intent and
 * donations (202 with the paymentId: the outcome follows as {@code payment.updated} on the socket), one's own payments
 * (one, or a page, optionally of one session), and Stripe's webhooks, verified on the
 * exact bytes received. Without a Stripe webhook secret every route answers 503 "payments not configured".
 */
public final class PaymentRoutes {

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    private static final List<String> PRICE_FIELDS = List.of("amountCents", "currency", "agreedPrice", "price");

    private final PaymentService payments;
    private final StripeWebhookVerifier verifier;
    private final AccountStanding standing;

    /** @param verifier null when payments are not configured */
    public PaymentRoutes(PaymentService payments, StripeWebhookVerifier verifier, AccountStanding standing) {
        this.payments = payments;
        this.verifier = verifier;
        this.standing = standing;
    }

    /** A router to mount with {@code api.route("/payments/*").subRouter(...)}. */
    public Router router(Vertx vertx, BearerAuthHandler auth) {
        Router router = ResourceRouter.open(vertx);
        router.route().handler(ctx -> {
            if (verifier == null) {
                ctx.fail(ProblemType.PAYMENTS_NOT_CONFIGURED.with("payments not configured"));
            } else {
                ctx.next();
            }
        });
        router.post("/webhooks").respond(this::webhook);
        router.post("/connect/onboard").handler(auth).respond(this::onboard);
        router.post("/intents")
                .handler(auth)
                .handler(JsonBody.validated("create-payment-intent"))
                .respond(this::intent);
        router.post("/donations")
                .handler(auth)
                .handler(JsonBody.validated("create-donation"))
                .respond(this::donation);
        router.get("/").handler(auth).respond(this::list);
        router.get("/connect/status").handler(auth).respond(this::connectStatus);
        router.get("/:id").handler(auth).respond(this::get);
        return router;
    }

    private Future<JsonObject> webhook(RoutingContext ctx) {
        Buffer raw = ctx.body() == null ? null : ctx.body().buffer();
        if (raw == null || raw.length() == 0) {
            return Future.failedFuture(ProblemException.badRequest("a signed Stripe event is required"));
        }
        return payments.webhook(verifier.verify(raw.getBytes(), ctx.request().getHeader("Stripe-Signature")))
                .map(v -> new JsonObject().put("received", true));
    }

    /** Payouts go to hosts (the role held now, not when the token was minted) whose address is verified. */
    private Future<JsonObject> onboard(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        return standing.of(caller)
                .compose(host -> {
                    if (!host.holds("host")) {
                        return Future.failedFuture(
                                ProblemException.forbidden("only hosts are paid: register as a host"));
                    }
                    return host.emailVerified()
                            ? payments.onboard(caller)
                            : Future.failedFuture(ProblemException.emailUnverified("receiving payouts"));
                })
                .map(account -> new JsonObject()
                        .put("url", account.onboardingUrl())
                        .put("chargesEnabled", account.chargesEnabled())
                        .put("payoutsEnabled", account.payoutsEnabled()));
    }

    private Future<JsonObject> intent(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        for (String field : PRICE_FIELDS) {
            if (body.containsKey(field)) {
                String detail = "the price is the session's agreed price; do not send one";
                return Future.failedFuture(Rejections.unprocessable(
                        detail, List.of(new ProblemException.FieldError("/" + field, detail))));
            }
        }
        UUID sessionId = UUID.fromString(body.getString("sessionId"));
        return accepted(ctx, payments.createIntent(caller, sessionId));
    }

    private Future<JsonObject> donation(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        JsonObject body = JsonBody.of(ctx);
        PaymentService.Donation donation = new PaymentService.Donation(
                UUID.fromString(body.getString("hostUserId")),
                Money.of(body.getLong("amountCents"), body.getString("currency")),
                uuid(body.getString("sessionId")),
                uuid(body.getString("conversationId")));
        return accepted(ctx, payments.donate(caller, donation));
    }

    private Future<JsonObject> list(RoutingContext ctx) {
        String session = ctx.queryParams().get("sessionId");
        UUID sessionId = null;
        if (session != null && !session.isEmpty()) {
            try {
                sessionId = UUID.fromString(session);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("sessionId must be a UUID");
            }
        }
        int limit = RequestParams.intParam(ctx, "limit", DEFAULT_PAGE, 1, MAX_PAGE);
        KeysetCursor cursor = KeysetCursor.parameter(ctx.queryParams().get("cursor"));
        return payments.payments(AuthenticatedUser.of(ctx).id(), sessionId, cursor, limit);
    }

    private Future<JsonObject> connectStatus(RoutingContext ctx) {
        return payments.connectStatus(AuthenticatedUser.of(ctx).id());
    }

    private Future<JsonObject> get(RoutingContext ctx) {
        UUID caller = AuthenticatedUser.of(ctx).id();
        return payments.payment(caller, RequestParams.pathUuid(ctx, "id"));
    }

    private static Future<JsonObject> accepted(RoutingContext ctx, Future<UUID> payment) {
        return payment.map(paymentId -> {
            ctx.response().setStatusCode(202).putHeader("Location", "/api/payments/" + paymentId);
            return new JsonObject().put("paymentId", paymentId.toString()).put("status", "pending");
        });
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
