package io.serviceproof.verifier.tiles;

import java.io.IOException;

/** Where a log's checkpoint, tiles and entry bundles come from: HTTP, a folder, memory. */
@FunctionalInterface
public interface TileSource {

    /**
     * The bytes at a path relative to the log's prefix ({@code checkpoint}, {@code tile/0/000}, …).
     *
     * @throws IOException when the resource cannot be fetched (including when it does not exist)
     */
    byte[] fetch(String path) throws IOException;
}
