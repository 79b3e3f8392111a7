package io.datajax.runtime.mpj.launch;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import java.util.Optional;
import java.util.function.IntToLongFunction;

/**
 * Who may join a pool's control server: a rank index below {@code ranks}, the pool's secret, and the
 * pid the driver launched for that rank.
 *
 * @param expectedPid the launched pid of a rank
 */
public record Admission(PoolSecret secret, int ranks, IntToLongFunction expectedPid) {

    public Admission {
        requireNonNull(secret, "secret is null");
        requireNonNull(expectedPid, "expectedPid is null");
    }

    /** Why {@code hello} may not join, or empty when it may. The secret is checked first. */
    public Optional<String> refusal(Hello hello) {
        if (!secret.matches(hello.secret())) {
            return Optional.of("wrong secret");
        }
        if (hello.rank() < 0 || hello.rank() >= ranks) {
            return Optional.of("rank " + hello.rank() + " is outside [0, " + ranks + ")");
        }
        long expected = expectedPid.applyAsLong(hello.rank());
        if (hello.pid() != expected) {
            return Optional.of("rank " + hello.rank() + " says pid " + hello.pid() + " but pid " + expected
                    + " was launched for it");
        }
        return Optional.empty();
    }
}
