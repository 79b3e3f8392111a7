package io.datajax.runtime.mpj.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.DataType;
import io.datajax.ir.Field;
import io.datajax.ir.Mesh;
import io.datajax.ir.Schema;
import io.datajax.ir.Sharding;
import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ExecutionException;
import io.datajax.runtime.column.Batch;
import io.datajax.runtime.column.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdict of the placement check over hand-made rank digests (no rank processes). */
class PlacementCheckTest {
    private static final Schema SCHEMA = Schema.of(Field.of("k", DataType.INT64), Field.of("v", DataType.INT64));

    private static Batch rows(List<Long> keys) {
        List<Object> values = new ArrayList<>(keys);
        return Batch.of(SCHEMA, List.of(Column.of(DataType.INT64, values), Column.of(DataType.INT64, values)));
    }

    /** The rows 0..n-1 split as KeyPartitioner places them on {@code groups} positions. */
    private static List<List<Long>> placed(int n, int groups) {
        List<Long> all = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            all.add(i);
        }
        int[] destinations = KeyPartitioner.destinations(rows(all), List.of("k"), List.of(DataType.INT64), groups);
        List<List<Long>> out = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            out.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            out.get(destinations[i]).add((long) i);
        }
        return out;
    }

    @Test
    void rowsOnTheirHashedRankAreVerified() {
        Mesh mesh = Mesh.of("rows", 2);
        List<List<Long>> parts = placed(100, 2);
        List<PlacementCheck.Digest> digests = List.of(
                PlacementCheck.Digest.of(rows(parts.get(0)), Sharding.byKey("k"), mesh, 0),
                PlacementCheck.Digest.of(rows(parts.get(1)), Sharding.byKey("k"), mesh, 1));
        assertThat(PlacementCheck.evaluate("stage 2 REPARTITION", Sharding.byKey("k"), mesh, digests))
                .isEqualTo("placement verified: byKey(k) on 2 ranks, 100 rows");
    }

    @Test
    void aRowOnTheWrongRankFailsNamingStageRankAndKey() {
        Mesh mesh = Mesh.of("rows", 2);
        List<List<Long>> parts = placed(100, 2);
        long stray = parts.get(1).get(0);
        List<Long> rank0 = new ArrayList<>(parts.get(0));
        rank0.add(stray);
        List<PlacementCheck.Digest> digests = List.of(
                PlacementCheck.Digest.of(rows(rank0), Sharding.byKey("k"), mesh, 0),
                PlacementCheck.Digest.of(rows(parts.get(1)), Sharding.byKey("k"), mesh, 1));
        assertThatThrownBy(() -> PlacementCheck.evaluate("stage 2 REPARTITION", Sharding.byKey("k"), mesh, digests))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((ExecutionException) e).code()).isEqualTo(ErrorCode.PLACEMENT_MISMATCH))
                .hasMessageContaining("Placement check failed for the result of stage 2 REPARTITION: rank 0 holds a row"
                        + " with key (k=" + stray + "), which byKey(k) places on rank 1.");
    }

    @Test
    void axisBoundSpecNeedsIdenticalReplicasOnEachPosition() {
        Mesh grid = Mesh.builder().axis("data", 2).axis("model", 2).build();
        Sharding spec = new Sharding.ByKey(List.of("k"), Optional.of("data"));
        List<List<Long>> parts = placed(50, 2);
        List<PlacementCheck.Digest> good = new ArrayList<>();
        for (int rank = 0; rank < 4; rank++) {
            good.add(PlacementCheck.Digest.of(rows(parts.get(grid.coordinate(rank, "data"))), spec, grid, rank));
        }
        assertThat(PlacementCheck.evaluate("stage 3 REPARTITION", spec, grid, good)).isEqualTo(
                "placement verified: byKey(k)@data on mesh data=2 x model=2, 2 groups of 2 identical replicas, 50 rows");
        List<PlacementCheck.Digest> bad = new ArrayList<>(good);
        bad.set(3, PlacementCheck.Digest.of(rows(parts.get(1).subList(1, parts.get(1).size())), spec, grid, 3));
        assertThatThrownBy(() -> PlacementCheck.evaluate("stage 3 REPARTITION", spec, grid, bad))
                .hasMessageContaining("rank 3 holds " + (parts.get(1).size() - 1) + " rows")
                .hasMessageContaining("byKey(k)@data needs ranks [2, 3] to hold the same rows");
    }

    @Test
    void replicatedNeedsTheSameRowsEverywhere() {
        Mesh mesh = Mesh.of("rows", 2);
        Batch all = rows(List.of(1L, 2L, 3L));
        Batch reordered = rows(List.of(3L, 1L, 2L));
        assertThat(PlacementCheck.evaluate("stage 1 REPARTITION", Sharding.replicated(), mesh, List.of(
                PlacementCheck.Digest.of(all, Sharding.replicated(), mesh, 0),
                PlacementCheck.Digest.of(reordered, Sharding.replicated(), mesh, 1))))
                .isEqualTo("placement verified: replicated on 2 ranks, 3 rows each");
        assertThatThrownBy(() -> PlacementCheck.evaluate("stage 1 REPARTITION", Sharding.replicated(), mesh, List.of(
                PlacementCheck.Digest.of(all, Sharding.replicated(), mesh, 0),
                PlacementCheck.Digest.of(rows(List.of(1L, 2L, 4L)), Sharding.replicated(), mesh, 1))))
                .hasMessageContaining("rank 1 holds 3 rows (checksum");
    }
}
