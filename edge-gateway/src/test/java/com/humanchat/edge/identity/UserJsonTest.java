package com.humanchat.edge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.humanchat.readmodels.hosts.HostRating;
import com.humanchat.readmodels.identity.User;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserJsonTest {

    @Test
    void publicProfileNeverShowsEmailManagerIdOrSuspensionButHowTheHostIsReachedAndPaid() {
        User user = new User(
                UUID.randomUUID(),
                "host@example.com",
                "Host",
                List.of("user", "host"),
                "bio",
                List.of("music"),
                2500L,
                "EUR",
                true,
                UUID.randomUUID(),
                "Rep",
                false,
                Instant.now(),
                true,
                null);

        JsonObject profile = UserJson.publicProfile(
                user, "busy", new HostingTerms(true, "Morgan Manager", true), new HostRating(4.6, 12));
        JsonObject unrated = UserJson.publicProfile(user, "busy", new HostingTerms(true, "Morgan Manager", true), null);

        assertThat(profile.fieldNames()).doesNotContain("email", "managerId", "suspended", "createdAt");
        assertThat(profile.encode()).doesNotContain("host@example.com");
        assertThat(profile.getJsonObject("presence").getString("status")).isEqualTo("busy");
        assertThat(profile.getLong("priceCents")).isEqualTo(2500L);
        assertThat(profile.getBoolean("managed")).isTrue();
        assertThat(profile.getString("representativeName")).isEqualTo("Morgan Manager");
        assertThat(profile.getBoolean("donationsWelcome")).isTrue();
        assertThat(profile.getJsonObject("rating"))
                .isEqualTo(new JsonObject().put("average", 4.6).put("count", 12L));
        assertThat(unrated.containsKey("rating")).isTrue();
        assertThat(unrated.getValue("rating")).isNull();
    }
}
