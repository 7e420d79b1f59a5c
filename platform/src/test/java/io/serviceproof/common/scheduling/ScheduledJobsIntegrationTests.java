package io.serviceproof.common.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Issue 21, one schedule: every scheduled job either runs on one node at a time (a ShedLock lock in
 * the database) or is per node by nature and named here; and a locked job is skipped while another
 * node holds its lock, and taken up once that lock is released or has expired.
 */
@SpringBootTest
class ScheduledJobsIntegrationTests {

    /** Jobs every node runs for itself, and why that is right. */
    private static final Map<String, String> PER_NODE = Map.of(
            "MqttSubscribers.flushCounts", "writes the counts this node holds in memory",
            "CheckpointPublisher.publishGrownLogs", "publishing is serialised by the checkpoint lock (ADR 014)",
            "ImportWorker.sweep", "claims each import by a conditional update (ADR 020)",
            "TenderMatching.sweep", "claims each matching run by a conditional update, as imports are (ADR 027)");

    @Autowired
    ApplicationContext context;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyScheduledJobIsLockedAcrossNodesOrNamedAsPerNode() {
        List<String> unlocked = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Object bean = context.getBean(name);
            Class<?> type = AopUtils.getTargetClass(bean);
            if (!type.getName().startsWith("io.serviceproof.")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class) && !method.isAnnotationPresent(SchedulerLock.class)) {
                    unlocked.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(unlocked).containsExactlyInAnyOrderElementsOf(PER_NODE.keySet());
    }

    @Test
    void aLockedJobIsSkippedWhileAnotherNodeHoldsItsLockAndRunsOnceItIsReleased() throws Exception {
        Object tracker = context.getBean("slaTracker");
        Method trackAll = AopUtils.getTargetClass(tracker).getDeclaredMethod("trackAll");
        trackAll.setAccessible(true);
        trackAll.invoke(tracker); // creates the lock's row
        Object ranAt = lockedAt("sla-tracker");

        // Another node holds the lock (as one that died mid-run would, until lockAtMostFor passes).
        SimpleLock held = locks.lock(
                        new LockConfiguration(Instant.now(), "sla-tracker", Duration.ofHours(1), Duration.ZERO))
                .orElseThrow();
        Object heldAt = lockedAt("sla-tracker");
        assertThat(heldAt).isNotEqualTo(ranAt);
        trackAll.invoke(tracker);
        assertThat(lockedAt("sla-tracker")).as("skipped while held").isEqualTo(heldAt);

        held.unlock();
        Thread.sleep(5);
        trackAll.invoke(tracker);
        assertThat(lockedAt("sla-tracker")).as("run once released").isNotEqualTo(heldAt);
    }

    private Object lockedAt(String name) {
        return jdbc.sql("SELECT locked_at FROM shedlock WHERE name = :name")
                .param("name", name)
                .query((row, n) -> row.getString("locked_at"))
                .single();
    }
}
