package io.datajax.runtime.mpj.spmd;

import static java.util.Objects.requireNonNull;

import io.datajax.api.ConfigLoader;
import io.datajax.api.DataJaxConfig;
import io.datajax.api.JitFunction;
import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.exec.SpmdExecutor;
import io.datajax.runtime.mpj.rank.ByteCollectives;
import io.datajax.runtime.mpj.rank.MpjRankContext;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import mpi.Intracomm;
import mpi.MPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tech.tablesaw.api.Table;

/**
 * This process's membership of an MPI world in SPMD mode: every rank runs the same program, joins with
 * {@link #join}, and runs jitted functions on its <em>own</em> local tables with {@link #run}; the ranks
 * exchange data among themselves over MPJ Express ({@link SpmdExecutor}).
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     SpmdSession.runMain(args, session -> {
 *         Table local = readMyShard(session.rank(), session.arguments());
 *         Table part = session.run(revenueByUser, local);      // this rank's part of the result
 *         Table all = session.gather(part);                    // everything on rank 0, nothing elsewhere
 *         if (session.rank() == 0) System.out.println(all);
 *     });
 * }
 * }</pre>
 *
 * <p>The program's arguments start with the three MPJ Express passes to every rank ({@code <rank> <conf>
 * <device>}, consumed by {@code MPI.Init}); {@link #arguments()} holds the rest. Every rank must make the
 * same calls in the same order. Before any exchange the ranks check that they traced the same plan (a
 * mismatch fails every rank with an error naming the ranks and plan hashes). Results: see
 * {@link SpmdExecutor}. MPJ Express detects no failure: a call waits at most
 * {@link DataJaxConfig.MpjConfig#callTimeout()}; after a timeout or a failed call the session refuses
 * further calls, and the process must end. {@link #runMain} does this for you: it prints any failure and
 * halts the JVM with status 1, and exits 0 after finalizing MPI (a JVM that returns from {@code main} without
 * {@code MPI.Finalize} never exits, because of MPJ's non-daemon threads).
 */
public final class SpmdSession implements AutoCloseable {
    /** The exit status of a rank whose program failed under {@link #runMain}. */
    public static final int FAILED = 1;

    private static final Logger LOG = LoggerFactory.getLogger(SpmdSession.class);

    private final List<String> arguments;
    private final DataJaxConfig config;
    private final SpmdExecutor executor;
    private final Map<JitFunction, JitFunction> bound = new IdentityHashMap<>();
    private boolean closed;

    private SpmdSession(List<String> arguments, DataJaxConfig config, SpmdExecutor executor) {
        this.arguments = arguments;
        this.config = config;
        this.executor = executor;
    }

    /** Joins the world with the configuration of {@link ConfigLoader#fromEnvironment()}. */
    public static SpmdSession join(String[] args) {
        return join(args, ConfigLoader.fromEnvironment());
    }

    /**
     * Joins the world: {@code MPI.Init(args)} (which reads {@code $MPJ_HOME/conf/mpjexpress.conf} and
     * consumes {@code <rank> <conf> <device>}), then sets up the collectives on a clone of
     * {@code COMM_WORLD}. The call timeout is {@code config.mpj().callTimeout()}.
     */
    public static SpmdSession join(String[] args, DataJaxConfig config) {
        requireNonNull(args, "args is null");
        requireNonNull(config, "config is null");
        String[] rest = MPI.Init(args);
        Intracomm world = MPI.COMM_WORLD;
        ByteCollectives collectives = new ByteCollectives((Intracomm) world.clone(), MpjSettings.DEFAULT_ROUND_BYTES);
        MpjRankContext context = new MpjRankContext(world.Rank(), world.Size(), "spmd", collectives, world);
        MDC.put("rank", Integer.toString(world.Rank()));
        LOG.debug("joined the SPMD world as rank {} of {}", world.Rank(), world.Size());
        List<String> appArguments = rest == null ? List.of() : List.copyOf(Arrays.asList(rest));
        return new SpmdSession(appArguments, config, new SpmdExecutor(context, config.mpj().callTimeout()));
    }

    /**
     * Joins the world, runs {@code program}, finalizes MPI and exits the JVM with status 0; on any failure
     * (joining, the program, finalizing) prints it to standard error and halts with {@link #FAILED}. Never
     * returns.
     */
    public static void runMain(String[] args, SpmdProgram program) {
        requireNonNull(program, "program is null");
        String who = "DataJax SPMD rank";
        try {
            SpmdSession session = join(args);
            who = "DataJax SPMD rank " + session.rank() + " of " + session.size();
            program.run(session);
            session.close();
        } catch (Throwable failure) {
            System.err.println(who + " failed: " + failure);
            failure.printStackTrace(System.err);
            System.err.flush();
            System.out.flush();
            Runtime.getRuntime().halt(FAILED);
        }
        System.out.flush();
        System.exit(0);
    }

    /** This rank's index. */
    public int rank() {
        return executor.rank();
    }

    /** The number of ranks in the world. */
    public int size() {
        return executor.parallelism();
    }

    /** The program's own arguments: those after MPJ Express's {@code <rank> <conf> <device>}. */
    public List<String> arguments() {
        return arguments;
    }

    /** The configuration the session was joined with. */
    public DataJaxConfig config() {
        return config;
    }

    /** The executor over this world, for {@code jit.on(session.executor())}; owned by the session. */
    public SpmdExecutor executor() {
        return executor;
    }

    /**
     * Runs {@code function} on this rank's {@code localInputs} together with the other ranks, and returns this
     * rank's part of the result (see {@link SpmdExecutor}). The function's plan cache is kept per session, so
     * later calls with the same schemas do not re-trace.
     */
    public Table run(JitFunction function, Table... localInputs) {
        requireNonNull(function, "function is null");
        return bound.computeIfAbsent(function, f -> f.on(executor)).apply(localInputs);
    }

    /** Every rank's {@code part} on rank 0, in rank order; no rows on the others. A collective. */
    public Table gather(Table part) {
        return executor.gather(part);
    }

    /**
     * Finalizes MPI, unless a failed or timed-out call left the world unusable (then MPI is left as it is,
     * and the process must end with {@code System.exit} or {@code halt}).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        executor.close();
        if (executor.brokenReason().isPresent()) {
            LOG.warn("not finalizing MPI: {}", executor.brokenReason().get());
            return;
        }
        MPI.Finalize();
    }
}
