package io.serviceproof;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/** The house rules of STYLE.md that the compiler cannot check. */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.serviceproof")
            // The verifier and the CLI are libraries on the classpath with rules of their own.
            .that(not(resideInAPackage("io.serviceproof.verifier.."))
                    .and(not(resideInAPackage("io.serviceproof.cli.."))));

    @Test
    void nothingDependsOnTheWebLayer() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.serviceproof..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.serviceproof..web..")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes()
                .that()
                .areAnnotatedWith(Repository.class)
                .should()
                .notBePublic()
                .check(CLASSES);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses()
                .should()
                .callMethod(Instant.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .check(CLASSES);
    }

    @Test
    void nothingWritesToStandardStreamsDirectly() {
        // The command lines are the exceptions: their output is the product (a token, a gateway's
        // public key) on stdout; they reach the streams only where they start.
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(CLASSES.that(
                not(resideInAPackage("io.serviceproof.admin")).and(not(resideInAPackage("io.serviceproof.gateway")))));
    }
}
