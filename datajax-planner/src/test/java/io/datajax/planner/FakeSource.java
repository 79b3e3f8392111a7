package io.datajax.planner;

import io.datajax.ir.Schema;
import io.datajax.ir.source.DataSource;
import java.util.List;

/** A source description for planner tests: a name and a schema, never read. */
public record FakeSource(String name, Schema schema) implements DataSource {
    @Override
    public String format() {
        return "fake";
    }

    @Override
    public List<String> files() {
        return List.of(name);
    }

    @Override
    public String describe() {
        return "fake(" + name + ")";
    }
}
