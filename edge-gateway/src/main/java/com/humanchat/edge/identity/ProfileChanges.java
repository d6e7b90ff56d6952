package com.humanchat.edge.identity;

import com.humanchat.readmodels.identity.User;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The fields a {@code PATCH /api/me/profile} sets: a null field (or a false {@code sets…} flag for the two that can
 * be cleared) leaves the stored value as it is. Values are normalised here, whoever built the record: names trimmed,
 * tags trimmed, lower-case and deduplicated in their first order, the currency lower-case, a blank representative
 * name cleared.
 */
public record ProfileChanges(
        String displayName,
        String bio,
        List<String> tags,
        Long priceCents,
        String currency,
        Boolean instantAvailable,
        boolean setsManager,
        UUID managerId,
        boolean setsRepresentative,
        String representativeName) {

    public ProfileChanges {
        displayName = displayName == null ? null : displayName.strip();
        bio = bio == null ? null : bio.strip();
        tags = tags == null ? null : normalizeTags(tags);
        currency = currency == null ? null : currency.toLowerCase(Locale.ROOT);
        if (!setsManager) {
            managerId = null;
        }
        if (representativeName != null) {
            representativeName = representativeName.strip();
            if (representativeName.isEmpty()) {
                representativeName = null;
            }
        }
        if (!setsRepresentative) {
            representativeName = null;
        }
    }

    /** The form a tag is stored and searched in: trimmed and lower-case. */
    public static String normalizeTag(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    static List<String> normalizeTags(List<String> tags) {
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        tags.forEach(tag -> unique.add(normalizeTag(tag)));
        return List.copyOf(unique);
    }

    /** True when the request names no field at all ({@code {}}). */
    public boolean isEmpty() {
        return displayName == null
                && bio == null
                && tags == null
                && priceCents == null
                && currency == null
                && instantAvailable == null
                && !setsManager
                && !setsRepresentative;
    }

    /** The account with these changes applied; everything else (id, email, roles, suspension) unchanged. */
    public User applyTo(User user) {
        return new User(
                user.id(),
                user.email(),
                displayName != null ? displayName : user.displayName(),
                user.roles(),
                bio != null ? bio : user.bio(),
                tags != null ? tags : user.tags(),
                priceCents != null ? priceCents : user.priceCents(),
                currency != null ? currency : user.currency(),
                instantAvailable != null ? instantAvailable : user.instantAvailable(),
                setsManager ? managerId : user.managerId(),
                setsRepresentative ? representativeName : user.representativeName(),
                user.suspended(),
                user.createdAt(),
                user.emailVerified(),
                user.avatarId());
    }
}
