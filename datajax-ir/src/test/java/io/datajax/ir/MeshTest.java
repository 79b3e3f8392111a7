package io.datajax.ir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ShardingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshTest {
    private final Mesh grid = Mesh.builder().axis("data", 2).axis("model", 2).build();

    @Test
    void sizeIsTheProductOfTheAxisSizes() {
        assertThat(Mesh.of("rows", 4).size()).isEqualTo(4);
        assertThat(Mesh.of(List.of(new Mesh.Axis("a", 3), new Mesh.Axis("b", 2))).size()).isEqualTo(6);
        assertThat(grid).hasToString("data=2 x model=2").isEqualTo(Mesh.of(List.of(new Mesh.Axis("data", 2),
                new Mesh.Axis("model", 2))));
    }

    @Test
    void ranksMapToCoordinatesInRowMajorOrder() {
        assertThat(List.of(0, 1, 2, 3).stream().map(r -> grid.coordinate(r, "data")).toList()).containsExactly(0, 0, 1, 1);
        assertThat(List.of(0, 1, 2, 3).stream().map(r -> grid.coordinate(r, "model")).toList()).containsExactly(0, 1, 0, 1);
        assertThat(List.of(0, 1, 2, 3).stream().map(r -> grid.replicaIndex(r, "data")).toList()).containsExactly(0, 1, 0, 1);
        assertThat(List.of(0, 1, 2, 3).stream().map(r -> grid.replicaIndex(r, "model")).toList()).containsExactly(0, 0, 1, 1);
        assertThat(grid.ranksAt("data", 1)).containsExactly(2, 3);
        assertThat(grid.ranksAt("model", 1)).containsExactly(1, 3);
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> Mesh.of("rows", 0)).isInstanceOf(ShardingException.class)
                .hasMessageContaining("Mesh axis 'rows' has size 0; every axis needs a size of at least 1.");
    }

    @Test
    void rejectsDuplicateAndEmptyNames() {
        assertThatThrownBy(() -> Mesh.builder().axis("data", 2).axis("data", 2).build())
                .isInstanceOf(ShardingException.class)
                .hasMessageContaining("Mesh axis name 'data' appears twice in data=2 x data=2; axis names must be unique.");
        assertThatThrownBy(() -> Mesh.of(" ", 2)).hasMessageContaining("A mesh axis needs a non-empty name");
        assertThatThrownBy(() -> Mesh.of(List.of())).hasMessageContaining("A mesh needs at least one axis");
    }

    @Test
    void unknownAxisNamesTheAxesAndTheNearest() {
        assertThatThrownBy(() -> grid.axis("dta")).isInstanceOf(ShardingException.class)
                .satisfies(e -> assertThat(((ShardingException) e).code()).isEqualTo(ErrorCode.INVALID_SHARDING))
                .hasMessageContaining("Mesh data=2 x model=2 has no axis 'dta'. Did you mean 'data'? Axes: [data, model].");
        assertThatThrownBy(() -> grid.axis(2))
                .hasMessageContaining("Mesh data=2 x model=2 has no axis 2; axis indices are 0 to 1 (axes [data, model]).");
        assertThatThrownBy(() -> grid.requireAxisOf(new Sharding.ByKey(List.of("k"), Optional.of("modl")), "outShardings"))
                .hasMessageContaining("outShardings byKey(k)@modl is bound to axis 'modl', but mesh data=2 x model=2"
                        + " has no such axis. Did you mean 'model'? Axes: [data, model].");
    }

    @Test
    void specsBoundToTheOnlyAxisSpanTheWholeMesh() {
        Mesh rows = Mesh.of("rows", 4);
        assertThat(rows.normalize(new Sharding.ByKey(List.of("k"), Optional.of("rows")))).isEqualTo(Sharding.byKey("k"));
        assertThat(rows.normalize(new Sharding.Blocks(Optional.of("rows")))).isEqualTo(Sharding.blocks());
        assertThat(grid.normalize(new Sharding.Replicated(Optional.of("model")))).isEqualTo(Sharding.replicated());
        assertThat(grid.normalize(new Sharding.ByKey(List.of("k"), Optional.of("data"))))
                .hasToString("byKey(k)@data");
    }
}
