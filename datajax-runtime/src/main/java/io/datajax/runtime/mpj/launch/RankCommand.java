package io.datajax.runtime.mpj.launch;

import io.datajax.runtime.mpj.MpjSettings;
import io.datajax.runtime.mpj.RankMain;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment of a rank JVM:
 * {@code java -Xmx.. --add-opens=java.base/java.nio=ALL-UNNAMED -Ddatajax.mpj.pool=<world id> <options>
 * -cp <mpj jars>:<driver class path> io.datajax.runtime.mpj.RankMain <rank> <conf> niodev <control> <world id>}
 * with {@code MPJ_HOME} set. The rank uses the driver's own class path, so task classes the driver can
 * name are found.
 */
public final class RankCommand {
    /** The system property that marks a rank JVM with its pool generation, visible in {@code ps}. */
    public static final String POOL_PROPERTY = "datajax.mpj.pool";

    /** MPJ's switch from eager to rendezvous protocol, in bytes (MPJ's default). */
    static final int PROTOCOL_SWITCH_LIMIT = 131072;

    private RankCommand() {
    }

    /** The full command for {@code rank}. */
    static List<String> command(MpjSettings settings, int rank, InetSocketAddress rendezvous,
            InetSocketAddress control, String worldId) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + settings.rankHeapMegabytes() + "m");
        command.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
        // slf4j-simple (if it is the binding) logs to stdout, which the driver logs at INFO
        command.add("-Dorg.slf4j.simpleLogger.logFile=System.out");
        command.add("-D" + POOL_PROPERTY + "=" + worldId);
        command.addAll(settings.jvmOptions());
        command.add("-cp");
        command.add(classPath(settings));
        command.add(RankMain.class.getName());
        command.add(Integer.toString(rank));
        command.add(mpjConf(settings.ranks(), rendezvous));
        command.add("niodev");
        command.add(control.getAddress().getHostAddress() + ":" + control.getPort());
        command.add(worldId);
        return command;
    }

    /** The environment added to the driver's for every rank. */
    static Map<String, String> environment(MpjSettings settings) {
        return Map.of("MPJ_HOME", settings.mpjHome().toString());
    }

    /**
     * The niodev configuration string {@code MPI.Init} reads from its second argument:
     * {@code #Number of Processes;N;#Protocol Switch Limit;131072;#Server Name;HOST;#Server Port;PORT}.
     */
    public static String mpjConf(int ranks, InetSocketAddress rendezvous) {
        return "#Number of Processes;" + ranks
                + ";#Protocol Switch Limit;" + PROTOCOL_SWITCH_LIMIT
                + ";#Server Name;" + rendezvous.getAddress().getHostAddress()
                + ";#Server Port;" + rendezvous.getPort();
    }

    /** The MPJ jars, then the driver's class path. */
    public static String classPath(MpjSettings settings) {
        List<String> entries = new ArrayList<>();
        for (Path jar : settings.mpjClassPath()) {
            entries.add(jar.toString());
        }
        entries.add(System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, entries);
    }
}
