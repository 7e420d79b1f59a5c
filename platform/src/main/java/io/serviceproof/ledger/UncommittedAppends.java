package io.serviceproof.ledger;

import io.serviceproof.identity.OrganisationId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which logs the current transaction has appended to. A checkpoint over entries that may still roll
 * back must commit with them, and the checkpoint lock (which commits on its own) may move only
 * after they did; {@link CheckpointPublisher} asks here.
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
}
