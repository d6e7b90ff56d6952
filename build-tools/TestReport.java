import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The test report of one run of {@code ./humanchat test}: reads the JUnit XML that Surefire, Failsafe and Vitest wrote
 * under every module's {@code target/} since the run started, prints the counts, the wall time and the slowest test
 * classes (so they can be watched), and writes the same as Markdown to {@code target/test-report.md}.
 *
 * <p>Run with the JDK's single-file launcher: {@code java build-tools/TestReport.java ROOT STARTED_EPOCH_SECONDS}.
 */
public class TestReport {

    private static final int SLOWEST = 15;

    record Suite(String module, String name, int tests, int failures, int errors, int skipped, double seconds) {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Instant started = Instant.ofEpochSecond(Long.parseLong(args[1]));
        List<Suite> suites = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(TestReport::isJUnitReport)
                    .filter(file -> modifiedSince(file, started))
                    .forEach(file -> suites.addAll(read(root, file)));
        }
        int tests = suites.stream().mapToInt(Suite::tests).sum();
        int failed = suites.stream().mapToInt(s -> s.failures() + s.errors()).sum();
        int skipped = suites.stream().mapToInt(Suite::skipped).sum();
        Duration wall = Duration.between(started, Instant.now());

        StringBuilder report = new StringBuilder();
        report.append("# Test report\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d tests in %d classes; wall time %dm%02ds%n%n",
                        tests,
                        suites.size(),
                        wall.toMinutes(),
                        wall.toSecondsPart()))
                .append("Slowest test classes:\n\n| seconds | tests | module | class |\n|---:|---:|---|---|\n");
        suites.stream()
                .sorted(Comparator.comparingDouble(Suite::seconds).reversed())
                .limit(SLOWEST)
                .forEach(s -> report.append(String.format(
                        Locale.ROOT, "| %.1f | %d | %s | %s |%n", s.seconds(), s.tests(), s.module(), s.name())));
        Path out = root.resolve("target").resolve("test-report.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
        System.out.printf(Locale.ROOT, "%nTests: %d passed, %d failed, %d skipped%n", tests - failed - skipped, failed,
                skipped);
    }

    private static boolean isJUnitReport(Path file) {
        String name = file.getFileName().toString();
        String parent = file.getParent() == null ? "" : file.getParent().getFileName().toString();
        return name.startsWith("TEST-")
                && name.endsWith(".xml")
                && (parent.equals("surefire-reports") || parent.equals("failsafe-reports"))
                && !file.toString().contains("node_modules");
    }

    private static boolean modifiedSince(Path file, Instant started) {
        try {
            return Files.getLastModifiedTime(file).compareTo(FileTime.from(started)) >= 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One file holds one suite (Surefire, Failsafe) or several under {@code <testsuites>} (Vitest). */
    private static List<Suite> read(Path root, Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var document = factory.newDocumentBuilder().parse(file.toFile());
            String module = root.relativize(file).getName(0).toString();
            NodeList nodes = document.getElementsByTagName("testsuite");
            List<Suite> suites = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                Element suite = (Element) nodes.item(i);
                suites.add(new Suite(
                        module,
                        suite.getAttribute("name"),
                        count(suite, "tests"),
                        count(suite, "failures"),
                        count(suite, "errors"),
                        count(suite, "skipped"),
                        suite.getAttribute("time").isEmpty() ? 0 : Double.parseDouble(suite.getAttribute("time"))));
            }
            return suites;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read test report " + file, e);
        }
    }

    private static int count(Element suite, String attribute) {
        String value = suite.getAttribute(attribute);
        return value.isEmpty() ? 0 : Integer.parseInt(value);
    }
}
