package com.humanchat.edge.identity;

import com.humanchat.edge.presence.PresenceVisibility;
import com.humanchat.readmodels.hosts.HostRating;
import com.humanchat.readmodels.identity.User;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The account as the owner sees it ({@code GET /api/auth/me}); absent optional fields are explicit nulls. */
public final class UserJson {

    private UserJson() {}

    public static JsonObject of(User user) {
        JsonObject account = new JsonObject()
                .put("id", user.id().toString())
                .put("email", user.email())
                .put("emailVerified", user.emailVerified());
        return putProfile(account, user)
                .put(
                        "managerId",
                        user.managerId() == null ? null : user.managerId().toString())
                .put("representativeName", user.representativeName())
                .put("createdAt", user.createdAt().toString());
    }

    /**
     * The public profile ({@code GET /api/users/:id}): what any signed-in user may see — never the email, the
     * manager's id, the suspension or anything secret — with the presence {@code status} and how the host is reached
     * and paid ({@link HostingTerms}: managed and the representative's name, whether tips are welcome) and their
     * {@link HostRating} ({@code rating: {average, count}}, null when nobody rated them).
     */
    public static JsonObject publicProfile(User user, String presenceStatus, HostingTerms terms, HostRating rating) {
        JsonObject profile = putProfile(new JsonObject().put("id", user.id().toString()), user)
                .put("managed", terms.managed())
                .put("representativeName", terms.representativeName())
                .put("donationsWelcome", terms.donationsWelcome())
                .put("rating", rating(rating));
        // A presence that is not the caller's to see is left out, not shown as "offline": nothing to infer from.
        if (!PresenceVisibility.HIDDEN.equals(presenceStatus)) {
            profile.put("presence", new JsonObject().put("status", presenceStatus));
        }
        return profile;
    }

    /** What both views show of anyone: who they are and what they offer as a host. */
    private static JsonObject putProfile(JsonObject json, User user) {
        return json.put("displayName", user.displayName())
                .put("roles", new JsonArray(user.roles()))
                .put("bio", user.bio())
                .put("tags", new JsonArray(user.tags()))
                .put("priceCents", user.priceCents())
                .put("currency", user.currency())
                .put("instantAvailable", user.instantAvailable())
                .put(
                        "avatarId",
                        user.avatarId() == null ? null : user.avatarId().toString());
    }

    /** {@code {average, count}}, or null for a host nobody rated. */
    private static JsonObject rating(HostRating rating) {
        return rating == null
                ? null
                : new JsonObject().put("average", rating.average()).put("count", rating.count());
    }

    /** The answer to register, login and refresh. */
    public static JsonObject of(AuthSession session) {
        return new JsonObject()
                .put("user", of(session.user()))
                .put("accessToken", session.accessToken())
                .put("refreshToken", session.refreshToken())
                .put("tokenType", "Bearer")
                .put("expiresIn", session.expiresInSeconds());
    }
}
