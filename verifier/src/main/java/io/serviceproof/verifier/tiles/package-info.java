/**
 * C2SP tlog-tiles: the static read API of a log. Tile and entry-bundle paths, tile contents, entry
 * bundles, and reading a whole tree back from them.
 */
package io.serviceproof.verifier.tiles;
