package com.humanchat.edge.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which roles an account holds: every account is a {@code user}, a registration may add {@code host}, and an
 * email listed in {@code HUMANCHAT_ADMIN_EMAILS} gains {@code admin} only once its owner proved the address (at
 * verification and at every login after it) - never at registration, or whoever registered the address first would
 * be admin. It is never taken away here: removing an admin is an explicit act, not a side effect of a config change.
 */
public final class RoleGrants {

    public static final String USER = "user";
    public static final String HOST = "host";
    public static final String MANAGER = "manager";
    public static final String ADMIN = "admin";

    /** The canonical order roles are stored and shown in. */
    public static final List<String> ORDER = List.of(USER, HOST, MANAGER, ADMIN);

    private final Set<String> adminEmails;

    public RoleGrants(Set<String> adminEmails) {
        this.adminEmails = adminEmails.stream()
                .map(RoleGrants::normalizeEmail)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Emails are compared case-insensitively and without surrounding blanks. */
    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The roles of a new (unverified) account; {@code requestedRole} is {@code null}, "user" or "host" (the schema
     * allows no other). Never {@code admin}: the address is not proven yet.
     */
    public List<String> atRegistration(String requestedRole) {
        List<String> roles = new ArrayList<>(List.of(USER));
        if (HOST.equals(requestedRole)) {
            roles.add(HOST);
        }
        return canonical(roles);
    }

    /**
     * The roles after a successful login or an e-mail verification: the stored ones, plus {@code admin} if the email
     * is listed and verified.
     */
    public List<String> withListedAdmin(String email, boolean emailVerified, Collection<String> stored) {
        List<String> roles = new ArrayList<>(stored);
        if (emailVerified && adminEmails.contains(normalizeEmail(email)) && !roles.contains(ADMIN)) {
            roles.add(ADMIN);
        }
        return canonical(roles);
    }

    static List<String> canonical(Collection<String> roles) {
        List<String> known = ORDER.stream().filter(roles::contains).toList();
        List<String> unknown = roles.stream()
                .filter(r -> !ORDER.contains(r))
                .distinct()
                .sorted()
                .toList();
        List<String> all = new ArrayList<>(known);
        all.addAll(unknown);
        return List.copyOf(all);
    }
}
