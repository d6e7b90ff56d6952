package com.humanchat.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boundaries of every back-end module, checked on the compiled classes (STYLE.md item 16): no package cycles
 * inside a module, domain packages free of I/O, and the workers and Streams apps never depending on the edge. The
 * standalone sees every module on its classpath, so the rules live here once.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.humanchat");
    }

    /**
     * A slice is one feature package of one module ({@code com.humanchat.<module>.<feature>}); a module's top package,
     * where its composition root lives, is outside every slice.
     */
    @ParameterizedTest
    @ValueSource(strings = {"edge", "streams", "sam", "payments", "schemas", "infra", "readmodels"})
    void noModuleHasAPackageCycle(String module) {
        slices().matching("com.humanchat." + module + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because("a package that both uses and is used by another hides a shared kernel")
                .check(classes);
    }

    @Test
    void domainPackagesImportNoIo() {
        noClasses()
                .that()
                .resideInAPackage("com.humanchat..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx..",
                        "org.apache.kafka..",
                        "java.sql..",
                        "javax.sql..",
                        "org.postgresql..",
                        "com.stripe..",
                        "com.google.genai..",
                        "io.lettuce..",
                        "java.net.http..")
                .because("domain rules are pure functions of facts, tested with plain JUnit")
                .check(classes);
    }

    @Test
    void noWorkerOrStreamsAppDependsOnTheEdge() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.humanchat.sam..",
                        "com.humanchat.payments..",
                        "com.humanchat.streams..",
                        "com.humanchat.identity..",
                        "com.humanchat.presence..",
                        "com.humanchat.ops..",
                        "com.humanchat.schemas..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.humanchat.edge..")
                .because("the edge is one deployable among others; what they share lives in schemas or read-models")
                .check(classes);
    }
}
