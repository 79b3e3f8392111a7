package io.datajax.runtime.mpj.rank;

import static java.util.Objects.requireNonNull;

import io.datajax.runtime.mpj.RankTask;
import io.datajax.runtime.mpj.control.ControlMessage;
import io.datajax.runtime.mpj.control.ControlMessage.Failure;
import io.datajax.runtime.mpj.control.ControlMessage.Hello;
import io.datajax.runtime.mpj.control.ControlMessage.Ready;
import io.datajax.runtime.mpj.control.ControlMessage.Result;
import io.datajax.runtime.mpj.control.ControlMessage.Stop;
import io.datajax.runtime.mpj.control.ControlMessage.Task;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.function.IntConsumer;
import mpi.Intracomm;
import mpi.MPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The life of one rank JVM after its arguments are parsed: connect to the driver, {@code MPI.Init} once
 * (one MPI session for the pool's lifetime), run tasks until told to stop, then {@code MPI.Finalize}.
 * Failures propagate to the caller ({@link io.datajax.runtime.mpj.RankMain}), which reports them with
 * {@link #report} and halts.
 */
public final class RankRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(RankRuntime.class);
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FINISH_WAIT = Duration.ofSeconds(2);

    private final RankArguments arguments;
    private final ControlLink link;
    private final int roundBytes;
    private volatile boolean finishing;
    private volatile long currentCall = -1;

    private RankRuntime(RankArguments arguments, ControlLink link, int roundBytes) {
        this.arguments = arguments;
        this.link = link;
        this.roundBytes = roundBytes;
    }

    /**
     * Connects to the driver and authenticates with {@code secret}.
     *
     * @param onLost halts the JVM with the given status; called when the driver goes away
     */
    public static RankRuntime connect(RankArguments arguments, byte[] secret, IntConsumer onLost)
            throws IOException {
        requireNonNull(onLost, "onLost is null");
        RankRuntime[] self = new RankRuntime[1];
        Hello hello = new Hello(arguments.rank(), ProcessHandle.current().pid(), secret);
        ControlLink link = ControlLink.connect(arguments.control(), hello, HANDSHAKE_TIMEOUT, reason -> {
            RankRuntime runtime = self[0];
            if (runtime == null || !runtime.finishing) {
                System.err.println("DataJax rank " + arguments.rank() + ": " + reason + "; halting");
                onLost.accept(RankExit.CONTROL_LOST);
            }
        });
        self[0] = new RankRuntime(arguments, link, link.welcome().roundBytes());
        return self[0];
    }

    /** Initialises MPI, serves tasks until a stop request, and finalizes MPI. */
    public void serve() throws Exception {
        MDC.put("rank", Integer.toString(arguments.rank()));
        long start = System.nanoTime();
        MPI.Init(arguments.mpiArguments().toArray(new String[0]));
        Intracomm world = MPI.COMM_WORLD;
        if (world.Rank() != arguments.rank()) {
            throw new IllegalStateException("MPI.Init gave rank " + world.Rank() + ", expected " + arguments.rank());
        }
        ByteCollectives collectives = new ByteCollectives((Intracomm) world.clone(), roundBytes);
        long initNanos = System.nanoTime() - start;
        LOG.debug("rank {} of {} initialised in {} ms", world.Rank(), world.Size(), initNanos / 1_000_000);
        link.send(new Ready(initNanos));
        while (true) {
            ControlMessage message = link.take();
            if (message instanceof Stop) {
                break;
            }
            if (!(message instanceof Task task)) {
                throw new IllegalStateException("unexpected control message " + message);
            }
            link.send(runTask(task, world, collectives));
        }
        finishing = true;
        MPI.Finalize();
    }

    /**
     * Reports {@code failure} to the driver (best effort) and waits briefly until the driver has it. The
     * caller halts afterwards.
     */
    public void report(Throwable failure) {
        finishing = true;
        StringWriter stack = new StringWriter();
        failure.printStackTrace(new PrintWriter(stack));
        try {
            link.send(new Failure(currentCall, failure.getClass().getName(), failure.getMessage(), stack.toString()));
        } catch (IOException | RuntimeException e) {
            System.err.println("DataJax rank " + arguments.rank() + ": could not report the failure: " + e);
        }
        link.finish(FINISH_WAIT);
    }

    private Result runTask(Task task, Intracomm world, ByteCollectives collectives) throws Exception {
        currentCall = task.callId();
        MDC.put("stage", task.stage());
        try {
            long start = System.nanoTime();
            RankTask instance = instantiate(task.taskClass());
            byte[] result = instance.run(
                    new MpjRankContext(world.Rank(), world.Size(), task.stage(), collectives, world), task.payload());
            return new Result(task.callId(), System.nanoTime() - start, result == null ? new byte[0] : result);
        } finally {
            MDC.remove("stage");
        }
    }

    private static RankTask instantiate(String className) throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, true, loader != null ? loader : RankRuntime.class.getClassLoader());
        return type.asSubclass(RankTask.class).getDeclaredConstructor().newInstance();
    }
}
