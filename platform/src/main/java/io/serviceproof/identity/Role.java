package io.serviceproof.identity;

/** What a user or token may do inside its organisation. */
public enum Role {
    /** Manages the organisation: users, tokens, and everything below. */
    OWNER,
    /** Curates offerings, evidence, assessments and dossiers. */
    COMPLIANCE_MANAGER,
    /** Records service work and pushes events. */
    ENGINEER,
    /** Reads everything, changes nothing. */
    AUDITOR;

    public boolean mayChangeData() {
        return this != AUDITOR;
    }

    /** Spring Security authority name, e.g. {@code ROLE_OWNER}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
