package com.humanchat.schemas.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code HUMANCHAT_*} environment variable.
 *
 * @param name the variable
 * @param documentedDefault the default as the README's configuration table shows it: a literal in backquotes
 *     ({@code `8080`}, maybe followed by a note), or words for a default that is computed or absent
 * @param meaning what it sets, as the README says it
 */
public record Setting(String name, String documentedDefault, String meaning) {

    private static final Pattern LITERAL = Pattern.compile("^`([^`]*)`");

    /** The literal default (the README's backquoted value), for the readers that fall back to it. */
    public String literalDefault() {
        Matcher literal = LITERAL.matcher(documentedDefault);
        if (!literal.find()) {
            throw new IllegalStateException(name + " has no literal default (" + documentedDefault + ")");
        }
        return literal.group(1);
    }

    /** The literal default as a whole number. */
    public int intDefault() {
        return Integer.parseInt(literalDefault());
    }

    @Override
    public String toString() {
        return name;
    }
}
