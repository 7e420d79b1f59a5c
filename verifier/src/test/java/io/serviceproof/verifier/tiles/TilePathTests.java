package io.serviceproof.verifier.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TilePathTests {

    @Test
    void pathsFollowTheSpecificationExamples() {
        assertThat(new TilePath(0, 1234067, TilePath.FULL).path()).isEqualTo("tile/0/x001/x234/067");
        assertThat(new TilePath(1, 0, 3).path()).isEqualTo("tile/1/000.p/3");
        assertThat(new TilePath(TilePath.ENTRIES, 1000, 255).path()).isEqualTo("tile/entries/x001/000.p/255");
        assertThat(TilePath.parse("tile/0/x001/x234/067")).isEqualTo(new TilePath(0, 1234067, TilePath.FULL));
        assertThat(TilePath.parse("tile/entries/000.p/7")).isEqualTo(new TilePath(TilePath.ENTRIES, 0, 7));
    }

    @Test
    void everyIndexRoundTrips() {
        for (long index : List.of(0L, 1L, 999L, 1000L, 999_999L, 1_000_000L, 123_456_789_012L)) {
            TilePath tile = new TilePath(2, index, 17);
            assertThat(TilePath.parse(tile.path())).isEqualTo(tile);
        }
    }

    @Test
    void nonCanonicalPathsAreRejected() {
        for (String path : List.of(
                "tile/0/1",
                "tile/0/0001",
                "tile/0/x000",
                "tile/64/000",
                "tile/01/000",
                "tile/0/000.p/0",
                "tile/0/000.p/256",
                "tile/0/000.p/07",
                "tile/0/x1/000",
                "tile/data/000",
                "tile/0/000/",
                "tile/0/x000/001",
                "tile/0/x000/x001/234",
                "tile/entries/x000/000.p/5",
                "../etc/passwd")) {
            assertThatThrownBy(() -> TilePath.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aTreeIsCutIntoFullAndPartialTiles() {
        assertThat(Tiles.of(0)).isEmpty();
        assertThat(Tiles.of(70_000))
                .extracting(TilePath::path)
                .contains("tile/0/000", "tile/0/273.p/112", "tile/1/000", "tile/1/001.p/17", "tile/2/000.p/1")
                .doesNotContain("tile/0/274.p/0", "tile/3/000.p/0")
                .hasSize(274 + 2 + 1);
        assertThat(Tiles.entryBundles(513))
                .extracting(TilePath::path)
                .containsExactly("tile/entries/000", "tile/entries/001", "tile/entries/002.p/1");
    }

    @Test
    void entryBundlesRoundTripAndTruncationIsDetected() {
        byte[] bundle = EntryBundle.encode(List.of(new byte[0], "abc".getBytes(), new byte[300]));
        assertThat(EntryBundle.decode(bundle, 3))
                .hasSize(3)
                .element(2)
                .satisfies(e -> assertThat(e).hasSize(300));
        assertThatThrownBy(() -> EntryBundle.decode(java.util.Arrays.copyOf(bundle, bundle.length - 1), 3))
                .hasMessageContaining("past the end");
        assertThatThrownBy(() -> EntryBundle.decode(bundle, 4)).hasMessageContaining("expected 4");
    }
}
