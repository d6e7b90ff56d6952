package com.humanchat.schemas.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The settings catalogue is the one declaration of every variable: the README's configuration table says exactly what
 * it says (same variables, order, defaults and meanings), and no other main source file declares a variable's name.
 */
class SettingsDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(HUMANCHAT_[A-Z0-9_]+)` \\| (.*?) \\| (.*) \\|\\s*$");

    /** A string literal that is exactly a variable's name: a declaration of it (prose may mention names). */
    private static final Pattern NAME_LITERAL = Pattern.compile("\"HUMANCHAT_[A-Z0-9_]+\"");

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void theReadmeTableIsTheCatalogue() throws IOException {
        List<Setting> documented = new ArrayList<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve("README.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                documented.add(new Setting(row.group(1), row.group(2), row.group(3)));
            }
        }

        assertThat(documented).containsExactlyElementsOf(Settings.ALL);
    }

    @Test
    void noOtherSourceFileDeclaresAVariable() throws IOException {
        List<String> declarations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path file : files.filter(SettingsDocumentedTest::isMainSource).toList()) {
                if (!file.endsWith(Path.of("config", "Settings.java"))) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (NAME_LITERAL.matcher(lines.get(i)).find()) {
                            declarations.add(REPOSITORY.relativize(file) + ":" + (i + 1) + ": "
                                    + lines.get(i).strip());
                        }
                    }
                }
            }
        }

        assertThat(declarations)
                .as("name the variable through Settings instead")
                .isEmpty();
    }

    @Test
    void everyBackquotedDefaultIsALiteralTheReadersCanUse() {
        assertThat(Settings.ALL)
                .filteredOn(setting -> setting.documentedDefault().startsWith("`"))
                .allSatisfy(setting -> assertThat(setting.literalDefault()).isNotNull())
                .extracting(Setting::name)
                .contains("HUMANCHAT_HTTP_PORT", "HUMANCHAT_SMTP_STARTTLS");
        assertThat(Settings.ALL).extracting(Setting::name).doesNotHaveDuplicates();
    }

    private static boolean isMainSource(Path file) {
        String path = file.toString().replace('\\', '/');
        return path.endsWith(".java")
                && path.contains("/src/main/java/")
                && !path.contains("/target/")
                && !path.contains("/node_modules/");
    }
}
