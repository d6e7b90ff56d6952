package com.humanchat.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the deployment files are (the repository root, set by Surefire) and what the READMEs document. */
final class RepositoryFiles {

    private static final Pattern TABLE_VARIABLE = Pattern.compile("^\\| `(HUMANCHAT_[A-Z0-9_]+)`", Pattern.MULTILINE);

    private RepositoryFiles() {}

    static Path root() {
        String root = System.getProperty("humanchat.root");
        Path path = root != null ? Path.of(root) : Path.of("..");
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path chart() {
        return root().resolve("helm/humanchat");
    }

    static String read(String relativePath) {
        try {
            return Files.readString(root().resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables a README's configuration table lists (rows starting with a backquoted HUMANCHAT_ name). */
    static Set<String> documentedVariables(String readme) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = TABLE_VARIABLE.matcher(read(readme));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
