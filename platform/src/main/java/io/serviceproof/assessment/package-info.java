/**
 * Gap analysis: how far one offering is from what one market profile requires. Every applicable
 * requirement gets a result derived from approved evidence, confirmed crosswalks, recognised
 * conformity results, published service-layer documentation, current qualifications and measured
 * service levels (a recent SLA breach is a nonconformity), each with
 * the reasons that produced it; reviewers override with a reason; sign-off freezes and logs the
 * result. {@link io.serviceproof.assessment.Assessments} is the API.
 */
@ApplicationModule(
        displayName = "Assessment",
        allowedDependencies = {
            "common",
            "identity",
            "identity :: users",
            "ledger",
            "catalog",
            "catalog :: crosswalk",
            "catalog :: recognition",
            "evidence",
            "evidence :: people",
            "services",
            "sla"
        })
package io.serviceproof.assessment;

import org.springframework.modulith.ApplicationModule;
