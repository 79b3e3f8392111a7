package io.datajax.planner.rules;

import static io.datajax.planner.PlanFixtures.col;
import static io.datajax.planner.PlanFixtures.keep;
import static io.datajax.planner.PlanFixtures.named;
import static io.datajax.planner.PlanFixtures.orders;
import static org.assertj.core.api.Assertions.assertThat;

import io.datajax.ir.plan.Project;
import io.datajax.ir.plan.Scan;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropIdentityProjectionsTest {
    private final Rule rule = new DropIdentityProjections();

    @Test
    void removesAProjectionOfEveryColumnInOrder() {
        Scan orders = orders();
        Project plan = new Project(orders, orders.schema().names().stream().map(name -> keep(orders, name)).toList());

        assertThat(plan.toString()).isEqualTo("Project[user_id, unit_price, qty, note]");
        assertThat(rule.apply(plan)).containsSame(orders);
    }

    @Test
    void keepsProjectionsThatReorderRenameOrDrop() {
        Scan orders = orders();
        Project reordered = new Project(orders, List.of(keep(orders, "unit_price"), keep(orders, "user_id"),
                keep(orders, "qty"), keep(orders, "note")));
        Project renamed = new Project(orders, List.of(named("uid", col(orders, "user_id")), keep(orders, "unit_price"),
                keep(orders, "qty"), keep(orders, "note")));
        Project dropped = new Project(orders, List.of(keep(orders, "user_id")));

        assertThat(rule.apply(reordered)).isEmpty();
        assertThat(rule.apply(renamed)).isEmpty();
        assertThat(rule.apply(dropped)).isEmpty();
    }
}
