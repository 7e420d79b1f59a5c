package io.serviceproof.demo;

import io.serviceproof.evidence.people.LayerTask;
import io.serviceproof.evidence.people.NewQualification;
import io.serviceproof.evidence.people.People;
import io.serviceproof.evidence.people.Qualification;
import io.serviceproof.identity.Actor;
import io.serviceproof.identity.Organisation;
import io.serviceproof.identity.Tenancy;
import io.serviceproof.identity.users.UserAccount;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Demo technicians with certifications and training, the remote-maintenance layer's tasks, and
 * authorisations — one of them backed by a certification that lapses within a month, one no longer
 * backed at all — so the competence matrix and the expiry views show what they are for.
 */
@Component
class DemoPeople {

    private final People people;
    private final Clock clock;

    DemoPeople(People people, Clock clock) {
        this.people = people;
        this.clock = clock;
    }

    void seed(Organisation demo, UserAccount compliance, UserAccount engineer, Map<String, String> layers) {
        Actor actor = new Actor(
                demo.id(), Actor.Kind.USER, compliance.id().toString(), compliance.email(), compliance.role());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Tenancy.runAs(actor, () -> {
            String om = layers.get("cloud-om-predictive-maintenance");
            LayerTask remote =
                    people.addTask(om, "Remote session on customer PLC (demo)", "remote access to customer OT");
            LayerTask firmware = people.addTask(om, "Firmware update on CNC controller (demo)", "firmware change");
            String zhang = people.addTechnician(
                            "Zhang Jun (demo)",
                            engineer.email(),
                            "Haiphong Precision Machinery",
                            List.of("remote technician"),
                            engineer.id().toString())
                    .id();
            people.addQualification(
                    zhang,
                    new NewQualification(
                            Qualification.Kind.CERTIFICATION,
                            "IEC 62443 cybersecurity fundamentals (demo)",
                            "ISA",
                            "DEMO-62443-0417",
                            "Remote access to customer OT; secure configuration",
                            today.minusMonths(11),
                            today.plusDays(21),
                            null));
            people.addQualification(
                    zhang,
                    new NewQualification(
                            Qualification.Kind.TRAINING,
                            "HP-5X controller firmware procedure (demo)",
                            "Haiphong Precision Academy",
                            "",
                            "Firmware change on HP-5X controllers",
                            today.minusMonths(3),
                            today.plusYears(1),
                            null));
            String nguyen = people.addTechnician(
                            "Nguyen Van Minh (demo)",
                            "",
                            "Service partner, Ho Chi Minh City",
                            List.of("field engineer"),
                            null)
                    .id();
            people.addQualification(
                    nguyen,
                    new NewQualification(
                            Qualification.Kind.CERTIFICATION,
                            "Remote access for OT vendors (demo)",
                            "Demo Certification Body",
                            "DEMO-RA-88",
                            "Remote access to customer OT",
                            today.minusYears(2),
                            today.minusDays(12),
                            null));
            people.authorise(zhang, remote.id());
            people.authorise(zhang, firmware.id());
            people.authorise(nguyen, remote.id());
        });
    }
}
