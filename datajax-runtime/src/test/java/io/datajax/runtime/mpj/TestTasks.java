package io.datajax.runtime.mpj;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Rank tasks the MPJ tests run; each is a public static class so ranks can instantiate it. */
public final class TestTasks {
    private TestTasks() {
    }

    /** Bytes rank {@code source} sends to rank {@code destination}: a pseudo-random stream of {@code length}. */
    public static byte[] pattern(int source, int destination, int length) {
        ByteBuffer bytes = ByteBuffer.allocate(length);
        long state = 0x9E3779B97F4A7C15L * (source * 1000L + destination + 2);
        while (bytes.remaining() >= 8) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            bytes.putLong(state);
        }
        while (bytes.hasRemaining()) {
            bytes.put((byte) (state >>> (8 * bytes.remaining())));
        }
        return bytes.array();
    }

    /**
     * Allgathers {@code "r<rank>"} and sends {@code "<rank>-><destination>"} to each rank; returns
     * {@code "<gathered>|<received>"}, e.g. {@code "r0,r1|0->1,1->1"} on rank 1.
     */
    public static final class GreetTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            byte[][] gathered = context.allgather(("r" + context.rank()).getBytes(StandardCharsets.UTF_8));
            byte[][] outgoing = new byte[context.size()][];
            for (int destination = 0; destination < context.size(); destination++) {
                outgoing[destination] = (context.rank() + "->" + destination).getBytes(StandardCharsets.UTF_8);
            }
            byte[][] received = context.alltoallv(outgoing);
            return (join(gathered) + "|" + join(received)).getBytes(StandardCharsets.UTF_8);
        }

        private static String join(byte[][] parts) {
            List<String> strings = new ArrayList<>();
            for (byte[] part : parts) {
                strings.add(new String(part, StandardCharsets.UTF_8));
            }
            return String.join(",", strings);
        }
    }

    /**
     * Sends {@code pattern(rank, d, length(rank, d))} to every rank d, with lengths from the payload (an int
     * base length: rank r sends {@code base * (r + 1) + d} bytes to d), checks every received array
     * exactly, and bcasts a pattern from the last rank. Returns {@code "ok <bytes received>"} or what was
     * wrong.
     */
    public static final class PatternExchangeTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            int base = ByteBuffer.wrap(payload).getInt();
            int rank = context.rank();
            byte[][] outgoing = new byte[context.size()][];
            for (int destination = 0; destination < context.size(); destination++) {
                outgoing[destination] = pattern(rank, destination, base * (rank + 1) + destination);
            }
            byte[][] received = context.alltoallv(outgoing);
            long total = 0;
            for (int source = 0; source < context.size(); source++) {
                if (!Arrays.equals(received[source], pattern(source, rank, base * (source + 1) + rank))) {
                    return ("bytes from rank " + source + " differ").getBytes(StandardCharsets.UTF_8);
                }
                total += received[source].length;
            }
            int root = context.size() - 1;
            byte[] broadcast = context.bcast(rank == root ? pattern(root, -1, base + 7) : null, root);
            if (!Arrays.equals(broadcast, pattern(root, -1, base + 7))) {
                return "bcast bytes differ".getBytes(StandardCharsets.UTF_8);
            }
            context.barrier();
            return ("ok " + total).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * The length rank {@code source} sends to rank {@code destination} in round {@code round} of
     * {@link UnevenRoundsTask}. Two rounds in three are full: every pair moves a little under {@code base}
     * bytes (each pair a few KB less than the next). Every third round is scattered: about one pair in five
     * moves nothing, the others between {@code base / 8} and {@code base}.
     */
    public static int roundLength(int source, int destination, int round, int base) {
        if (round % 3 != 2) {
            return base - (source * 4 + destination) * 4099 - round;
        }
        if ((source + 2 * destination + round) % 5 == 0) {
            return 0;
        }
        int share = (source * 3 + destination * 5 + round * 7) % 8;
        return base / 8 * (share + 1) - source * 131 - destination * 17;
    }

    /**
     * Runs {@code rounds} alltoallv exchanges of {@link #roundLength} bytes, checking every received byte
     * after each round. Before each exchange every rank waits in a barrier if {@code jitter} is negative (so
     * all ranks start it together, as after a balanced stage), or sleeps a pseudo-random time below
     * {@code jitter} milliseconds if it is positive. Payload: int rounds, int base, int jitter. Returns
     * {@code "ok <rounds> <bytes received>"} or what was wrong.
     */
    public static final class UnevenRoundsTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) throws InterruptedException {
            ByteBuffer arguments = ByteBuffer.wrap(payload);
            int rounds = arguments.getInt();
            int base = arguments.getInt();
            int jitter = arguments.getInt();
            int rank = context.rank();
            int size = context.size();
            Random delays = new Random(rank * 7919L + base);
            long total = 0;
            for (int round = 0; round < rounds; round++) {
                byte[][] outgoing = new byte[size][];
                for (int destination = 0; destination < size; destination++) {
                    outgoing[destination] = pattern(rank + size * round, destination,
                            roundLength(rank, destination, round, base));
                }
                if (jitter < 0) {
                    context.barrier();
                } else if (jitter > 0) {
                    Thread.sleep(delays.nextInt(jitter));
                }
                byte[][] received = context.alltoallv(outgoing);
                for (int source = 0; source < size; source++) {
                    byte[] expected = pattern(source + size * round, rank, roundLength(source, rank, round, base));
                    if (!Arrays.equals(received[source], expected)) {
                        return ("round " + round + ": bytes from rank " + source + " differ").getBytes(
                                StandardCharsets.UTF_8);
                    }
                    total += received[source].length;
                }
            }
            return ("ok " + rounds + " " + total).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Alltoallv of {@code n} bytes per destination (an int payload); returns the exchange time in nanos. */
    public static final class TimedExchangeTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            int perDestination = ByteBuffer.wrap(payload).getInt();
            byte[][] outgoing = new byte[context.size()][];
            for (int destination = 0; destination < context.size(); destination++) {
                outgoing[destination] = new byte[perDestination];
            }
            context.barrier();
            long start = System.nanoTime();
            context.alltoallv(outgoing);
            context.barrier();
            return ByteBuffer.allocate(8).putLong(System.nanoTime() - start).array();
        }
    }

    /** Does nothing; measures the round trip of a call. */
    public static final class NoopTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            return payload;
        }
    }

    /** Rank 1 throws; the others wait in a barrier. */
    public static final class ThrowOnRankOneTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            if (context.rank() == 1) {
                throw new IllegalStateException("boom on purpose in " + context.stage());
            }
            context.barrier();
            return new byte[0];
        }
    }

    /** Rank 1 calls {@code System.exit(3)}; the others wait in a barrier. */
    public static final class ExitOnRankOneTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) {
            if (context.rank() == 1) {
                System.exit(3);
            }
            context.barrier();
            return new byte[0];
        }
    }

    /**
     * Creates the file {@code <payload>/started-<rank>} and then waits in a barrier that rank 1 never
     * reaches (rank 1 sleeps), until the test kills a rank.
     */
    public static final class WaitAfterMarkingTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) throws Exception {
            Path directory = Path.of(new String(payload, StandardCharsets.UTF_8));
            Files.createFile(directory.resolve("started-" + context.rank()));
            if (context.rank() == 1) {
                Thread.sleep(Long.MAX_VALUE);
            }
            context.barrier();
            return new byte[0];
        }
    }

    /** Never returns. */
    public static final class HangTask implements RankTask {
        @Override
        public byte[] run(RankContext context, byte[] payload) throws Exception {
            Thread.sleep(Long.MAX_VALUE);
            return new byte[0];
        }
    }
}
