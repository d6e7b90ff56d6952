package com.humanchat.edge.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Secrets come only from configuration: no Stripe key, webhook secret, Gemini/Google API key, signed JWT or private
 * key is written into the shipped code or resources of any module ({@code <module>/src/main} and the web client's
 * {@code web/src}), and no secret variable is given a default in code. Test code may hold test keys; it does not ship.
 */
class SecretsInSourceTest {

    /** What each kind of secret looks like. */
    static final Map<String, Pattern> SECRET_SHAPES = Map.of(
            "Stripe secret or restricted key", Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{8,}"),
            "Stripe webhook signing secret", Pattern.compile("\\bwhsec_[A-Za-z0-9]{8,}"),
            "Google (Gemini) API key", Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{30,}"),
            "signed JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            "private key", Pattern.compile("-----BEGIN ([A-Z]+ )?PRIVATE KEY-----"),
            "default for a secret variable",
                    Pattern.compile(
                            "(optional|getOrDefault)\\(\\s*\"HUMANCHAT_[A-Z_]*(SECRET|API_KEY|PASSWORD)\"\\s*,\\s*\"[^\"]+\""));

    private static final Set<String> TEXT_FILES =
            Set.of("java", "ts", "tsx", "js", "json", "yaml", "yml", "properties", "xml", "sql", "html", "conf");

    @Test
    void noModuleShipsASecret() {
        Path repository = repositoryRoot();
        List<Path> shipped = shippedSourceRoots(repository);
        assertThat(shipped)
                .as("the modules' shipped sources were found")
                .anySatisfy(root -> assertThat(root.toString()).endsWith("edge-gateway/src/main"))
                .anySatisfy(root -> assertThat(root.toString()).endsWith("payments-worker/src/main"))
                .anySatisfy(root -> assertThat(root.toString()).endsWith("sam-worker/src/main"));

        List<String> found = new ArrayList<>();
        for (Path root : shipped) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .filter(SecretsInSourceTest::isText)
                        .forEach(file -> {
                            String text = read(file);
                            SECRET_SHAPES.forEach((kind, shape) -> {
                                var matcher = shape.matcher(text);
                                while (matcher.find()) {
                                    found.add(repository.relativize(file) + ": " + kind + " '" + matcher.group() + "'");
                                }
                            });
                        });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(found).as("secrets in shipped sources").isEmpty();
    }

    /** The shapes do catch what they are meant to (else the scan above could never fail). */
    @Test
    void theShapesRecogniseRealLookingSecrets() {
        Map<String, String> samples = Map.of(
                "Stripe secret or restricted key", "Stripe.apiKey = \"sk_live_51Habcdefgh12345678\";",
                "Stripe webhook signing secret", "secret: whsec_abcdefgh12345678",
                "Google (Gemini) API key", "key=AIzaSyA1234567890abcdefghijklmnopqrstu",
                "signed JWT", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTYifQ.c2lnbmF0dXJlLXZhbHVl",
                "private key", "-----BEGIN RSA PRIVATE KEY-----",
                "default for a secret variable", "env.getOrDefault(\"HUMANCHAT_JWT_SECRET\", \"changeme\")");
        samples.forEach((kind, sample) -> assertThat(
                        SECRET_SHAPES.get(kind).matcher(sample).find())
                .as(kind)
                .isTrue());
        assertThat(SECRET_SHAPES
                        .get("default for a secret variable")
                        .matcher("r.required(\"HUMANCHAT_JWT_SECRET\", \"access-token signing key\")")
                        .find())
                .as("a required variable's description is no default")
                .isFalse();
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT_FILES.contains(name.substring(dot + 1));
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The build runs in the module directory; the repository is its parent (the one with the parent POM). */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("edge-gateway")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }

    private static List<Path> shippedSourceRoots(Path repository) {
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> modules = Files.list(repository)) {
            modules.filter(Files::isDirectory).forEach(module -> {
                Path main = module.resolve("src/main");
                if (Files.isDirectory(main)) {
                    roots.add(main);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path web = repository.resolve("web/src");
        if (Files.isDirectory(web)) {
            roots.add(web);
        }
        return roots;
    }
}
