package io.serviceproof.cli;

import io.serviceproof.verifier.note.VerifierKey;
import io.serviceproof.verifier.tiles.TileSource;
import java.io.IOException;
import picocli.CommandLine.Option;

/** Where a log is and which key it must be signed with: the options every online command shares. */
final class LogLocation {

    @Option(names = "--url", required = true, description = "The log's base URL, e.g. https://example.com/logs/demo")
    String url;

    @Option(
            names = "--vkey",
            description = "The log's verifier key, or @file holding it (or give --policy where accepted)")
    String vkey;

    @Option(names = "--token", description = "API token, for logs that are not public (or set SERVICEPROOF_TOKEN)")
    String token;

    TileSource tiles() {
        return new HttpTileSource(url, token != null ? token : System.getenv("SERVICEPROOF_TOKEN"));
    }

    VerifierKey key() throws IOException {
        if (vkey == null) {
            throw new IllegalArgumentException("give the log's verifier key with --vkey");
        }
        return Keys.verifierKey(vkey);
    }
}
