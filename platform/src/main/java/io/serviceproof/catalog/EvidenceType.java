package io.serviceproof.catalog;

/** The evidence types tenders and the reported action plan ask for (domain reference, E1-E9). */
public enum EvidenceType {
    E1("Service-level description"),
    E2("SLA definition"),
    E3("Audit logs"),
    E4("Technician training records"),
    E5("Version-controlled API documentation"),
    E6("Data-flow diagrams"),
    E7("Validation methods and reports"),
    E8("Failure-response protocols"),
    E9("Gap analysis per target market");

    private final String title;

    EvidenceType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public String messageKey() {
        return "evidence." + name();
    }
}
