package com.humanchat.readmodels.hosts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Stripe's {@code requirements.currently_due} (e.g. {@code individual.dob.day}, {@code external_account}) in words a
 * host understands, each once, in Stripe's order: the day, month and year of a birth date are one thing to give.
 */
final class ConnectRequirements {

    /** Longest prefix first wins; what no prefix names is worded from its last part. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("external_account", "Bank account for payouts"),
            Map.entry("tos_acceptance", "Accept Stripe's terms of service"),
            Map.entry("business_profile.url", "Business website"),
            Map.entry("business_profile.mcc", "Business category"),
            Map.entry("business_profile.product_description", "What you sell"),
            Map.entry("business_type", "Business type"),
            Map.entry("individual.dob", "Date of birth"),
            Map.entry("individual.first_name", "Legal first name"),
            Map.entry("individual.last_name", "Legal last name"),
            Map.entry("individual.email", "E-mail address"),
            Map.entry("individual.phone", "Phone number"),
            Map.entry("individual.address", "Home address"),
            Map.entry("individual.ssn_last_4", "Last 4 digits of your social security number"),
            Map.entry("individual.id_number", "Government ID number"),
            Map.entry("individual.verification", "Identity document"),
            Map.entry("representative", "Details of the account's representative"),
            Map.entry("company", "Company details"),
            Map.entry("settings.payments.statement_descriptor", "Statement descriptor"));

    private ConnectRequirements() {}

    static List<String> inWords(List<String> currentlyDue) {
        Set<String> words = new LinkedHashSet<>();
        for (String requirement : currentlyDue) {
            words.add(word(requirement));
        }
        return List.copyOf(words);
    }

    private static String word(String requirement) {
        String best = null;
        for (String prefix : WORDS.keySet()) {
            boolean matches = requirement.equals(prefix) || requirement.startsWith(prefix + ".");
            if (matches && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        if (best != null) {
            return WORDS.get(best);
        }
        String last = requirement.substring(requirement.lastIndexOf('.') + 1).replace('_', ' ');
        return last.isEmpty() ? requirement : last.substring(0, 1).toUpperCase(Locale.ROOT) + last.substring(1);
    }
}
