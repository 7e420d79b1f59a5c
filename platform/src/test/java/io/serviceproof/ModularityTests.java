package io.serviceproof;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The capabilities stay separate modules that talk only through each other's public APIs. */
class ModularityTests {

    /** The verifier is a library the platform uses (like any jar), not one of its modules. */
    private final ApplicationModules modules = ApplicationModules.of(
            ServiceProofApplication.class, JavaClass.Predicates.resideInAPackage("io.serviceproof.verifier.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
