package io.datajax.runtime.mpj;

import io.datajax.runtime.mpj.rank.RankArguments;
import io.datajax.runtime.mpj.rank.RankExit;
import io.datajax.runtime.mpj.rank.RankRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The main class of a rank JVM started by a {@link RankPool}:
 * {@code RankMain <rank> <conf> niodev <control host:port> <pool id>}, with the pool's secret as one hex
 * line on standard input. A fail-fast wrapper: any throwable is reported to the driver and the JVM
 * halts with a non-zero status; a clean stop exits 0; the JVM never lingers after {@code main}.
 */
public final class RankMain {
    private RankMain() {
    }

    public static void main(String[] args) {
        RankRuntime runtime = null;
        try {
            RankArguments arguments = RankArguments.parse(args);
            byte[] secret = readSecret(System.in);
            runtime = RankRuntime.connect(arguments, secret, status -> Runtime.getRuntime().halt(status));
        } catch (Throwable failure) {
            emergency("could not join the pool", failure);
            Runtime.getRuntime().halt(RankExit.BAD_LAUNCH);
        }
        try {
            runtime.serve();
        } catch (Throwable failure) {
            emergency("failed", failure);
            runtime.report(failure);
            Runtime.getRuntime().halt(RankExit.FAILED);
        }
        // MPI is finalized; System.exit ends the JVM even if a task left non-daemon threads behind.
        System.exit(RankExit.OK);
    }

    /** Reads the first line of {@code in} as hex; the driver writes it and closes the stream. */
    private static byte[] readSecret(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (line.size() > 1024) {
                throw new IOException("the secret line on standard input is too long");
            }
            line.write(b);
        }
        return HexFormat.of().parseHex(line.toString(StandardCharsets.US_ASCII).trim());
    }

    /** The rank's last words on its own standard error, which the driver logs. */
    private static void emergency(String what, Throwable failure) {
        System.err.println("DataJax rank " + what + ": " + failure);
        failure.printStackTrace(System.err);
        System.err.flush();
    }
}
