package io.serviceproof.gateway;

import io.serviceproof.ledger.EntryDraft;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Where every input hands its events: each is signed with the gateway's key and forced into the
 * spool. While the spool is at its bound, or the disk fails, the call waits (the input's source then
 * holds the line: an MQTT broker keeps the unacknowledged message, an OPC UA server queues its
 * notifications); it never drops an event and never returns before the events are on disk.
 */
final class Intake {

    private final Spool spool;
    private final GatewayKey key;
    private final long maxBacklogBytes;
    private final Clock clock;
    volatile String lastError;

    Intake(Spool spool, GatewayKey key, long maxBacklogBytes, Clock clock) {
        this.spool = spool;
        this.key = key;
        this.maxBacklogBytes = maxBacklogBytes;
        this.clock = clock;
    }

    /**
     * Signs and spools the events; true once they are forced to disk, false if the thread was
     * interrupted first (the gateway is stopping), in which case none of them was taken.
     */
    boolean take(List<EntryDraft> drafts) {
        List<byte[]> records = new ArrayList<>(drafts.size());
        for (EntryDraft draft : drafts) {
            records.add(key.entryJson(draft));
        }
        while (true) {
            try {
                if (spool.pendingBytes() > maxBacklogBytes) {
                    Thread.sleep(100);
                    continue;
                }
                spool.append(records);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (IOException e) {
                lastError = clock.instant() + " spool: " + e.getMessage();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }
}
