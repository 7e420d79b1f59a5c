package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which logs the current transaction has appended to. A checkpoint must never cover entries that
 * might still roll back (the checkpoint lock commits on its own), so publishing inside such a
 * transaction is refused as a programming error rather than signed.
 */
final class UncommittedAppends {

    private static final Object KEY = new Object();

    private UncommittedAppends() {}

    @SuppressWarnings("unchecked")
    static void mark(OrganisationId organisation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Set<OrganisationId> appended = (Set<OrganisationId>) TransactionSynchronizationManager.getResource(KEY);
        if (appended == null) {
            Set<OrganisationId> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            appended = fresh;
        }
        appended.add(organisation);
    }

    @SuppressWarnings("unchecked")
    static boolean any(OrganisationId organisation) {
        Set<OrganisationId> appended = (Set<OrganisationId>) TransactionSynchronizationManager.getResource(KEY);
        return appended != null && appended.contains(organisation);
    }

    @SuppressWarnings("unchecked")
    static void requireNone(OrganisationId organisation) {
        Set<OrganisationId> appended = (Set<OrganisationId>) TransactionSynchronizationManager.getResource(KEY);
        if (appended != null && appended.contains(organisation)) {
            throw new IllegalStateException(
                    "a checkpoint was asked for inside a transaction that appended to the log of " + organisation
                            + "; publish after it commits, so nothing that may roll back is ever signed");
        }
    }
}
