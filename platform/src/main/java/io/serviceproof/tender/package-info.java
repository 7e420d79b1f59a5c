/**
 * Tender compliance matrices: a buyer's requirement list (XLSX, CSV or pasted text) imported with its
 * layout kept, each clause matched in the background against what the organisation can show — the
 * standards library, approved evidence, published layer content and SLOs, technicians'
 * qualifications, recognised conformity results and answers confirmed in earlier tenders — with
 * the reasons for each suggestion; a person confirms every answer, and the matrix goes back in the
 * buyer's own workbook with a digest that fixes what was answered. {@link
 * io.serviceproof.tender.Tenders} is the API.
 */
@ApplicationModule(
        displayName = "Tenders",
        allowedDependencies = {
            "common",
            "identity",
            "catalog",
            "catalog :: crosswalk",
            "catalog :: recognition",
            "evidence",
            "evidence :: people",
            "services",
            "sla",
            "assessment"
        })
package io.serviceproof.tender;

import org.springframework.modulith.ApplicationModule;
