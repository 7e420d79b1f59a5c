package io.serviceproof;

import io.serviceproof.admin.AdminCommandLine;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the ServiceProof server, or, when the first argument is {@code admin}, runs one
 * administrative command against the same database and exits (see {@link AdminCommandLine}), or,
 * when it is {@code witness}, runs a transparency-log witness (see {@code ServiceProofWitness}), or,
 * when it is {@code gateway}, runs the plant's edge gateway (see {@code GatewayCommand}).
 */
@SpringBootApplication
@EnableScheduling
public class ServiceProofApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("witness")) {
            // A witness is not a ServiceProof server: no Spring, no database, its own folder and key.
            System.exit(io.serviceproof.cli.Witnesses.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("gateway")) {
            // The edge gateway runs at the plant: no Spring, no database, its own folder and key.
            System.exit(io.serviceproof.gateway.GatewayCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && args[0].equals("admin")) {
            System.exit(AdminCommandLine.run(ServiceProofApplication.class, Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(ServiceProofApplication.class, args);
    }
}
