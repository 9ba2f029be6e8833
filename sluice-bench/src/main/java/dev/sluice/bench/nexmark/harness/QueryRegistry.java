package dev.sluice.bench.nexmark.harness;

import dev.sluice.bench.nexmark.queries.NexmarkQuery;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the Sluice queries by name through the registry {@value #REGISTRY} ({@code
 * byName(String)}), looked up by name because the queries are built separately from this
 * harness. {@code byName} may return the query, an {@code Optional} of it, null, or throw for an
 * unknown name: all but the first mean "no such query" here.
 */
final class QueryRegistry {
    static final String REGISTRY = "dev.sluice.bench.nexmark.queries.NexmarkQueries";

    private QueryRegistry() {}

    /** The registry's lookup, or empty when the registry is not in this build. */
    static Optional<Function<String, NexmarkQuery>> sluiceQueries() {
        Method byName;
        try {
            byName = Class.forName(REGISTRY).getMethod("byName", String.class);
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            return Optional.empty();
        }
        return Optional.of(name -> {
            try {
                Object found = byName.invoke(null, name);
                if (found instanceof Optional<?> optional) {
                    found = optional.orElse(null);
                }
                return found instanceof NexmarkQuery query ? query : null;
            } catch (InvocationTargetException e) {
                return null;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(REGISTRY + ".byName is not accessible", e);
            }
        });
    }
}
