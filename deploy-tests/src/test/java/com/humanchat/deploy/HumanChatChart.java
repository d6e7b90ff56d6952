package com.humanchat.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The chart under helm/humanchat, linted and rendered by Helm 3 in process (helm-java, offline).
 *
 * <p>helm-java's {@code template} returns the release manifest without the hooks (the migration Job and its
 * Secret). To assert on them too, the chart is rendered from a copy that has one more template: a ConfigMap holding
 * each hook template rendered with the same values ({@code include} of the hook file), which
 * {@link RenderedManifests#parse} unpacks again.
 */
final class HumanChatChart {

    static final String RELEASE = "chat";
    static final String NAMESPACE = "humanchat";
    static final String KUBE_VERSION = "1.31.0";
    static final String HOOKS_CONFIG_MAP = "deploy-tests-rendered-hooks";

    private static Path renderableCopy;

    private HumanChatChart() {}

    static LintResult lint() {
        return new Helm(RepositoryFiles.chart()).lint().strict().call();
    }

    /** {@code helm template chat helm/humanchat -n humanchat [-f file…] [--set k=v…]}, hooks included. */
    static RenderedManifests render(Map<String, Object> sets, String... valuesFiles) {
        return RenderedManifests.parse(renderRaw(sets, valuesFiles));
    }

    static RenderedManifests render(String... valuesFiles) {
        return render(Map.of(), valuesFiles);
    }

    static String renderRaw(Map<String, Object> sets, String... valuesFiles) {
        var template = new Helm(renderableCopy())
                .template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION);
        for (String file : valuesFiles) {
            template = template.withValuesFile(valuesFile(file));
        }
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    static Path valuesFile(String nameInChart) {
        return RepositoryFiles.chart().resolve(nameInChart);
    }

    /** A copy of the chart under target/ plus the template that exposes the hooks (made once per test JVM). */
    private static synchronized Path renderableCopy() {
        if (renderableCopy != null) {
            return renderableCopy;
        }
        Path source = RepositoryFiles.chart();
        Path copy = Path.of("target", "chart-under-test", "humanchat").toAbsolutePath();
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> old = Files.walk(copy)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(source)) {
                files = walk.toList();
            }
            StringBuilder hooks = new StringBuilder();
            for (Path file : files) {
                Path target = copy.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.copy(file, target);
                String relative = source.relativize(file).toString().replace('\\', '/');
                if (relative.startsWith("templates/")
                        && relative.endsWith(".yaml")
                        && Files.readString(file).contains("helm.sh/hook:")) {
                    String key = relative.substring("templates/".length()).replace('/', '_');
                    hooks.append("  ")
                            .append(key)
                            .append(": {{ include (print $.Template.BasePath \"/")
                            .append(relative.substring("templates/".length()))
                            .append("\") . | quote }}\n");
                }
            }
            Files.writeString(
                    copy.resolve("templates/zz-deploy-tests-hooks.yaml"),
                    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + HOOKS_CONFIG_MAP + "\ndata:\n" + hooks);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the chart to " + copy, e);
        }
        renderableCopy = copy;
        return copy;
    }
}
