package io.datajax.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A one-line description of where a benchmark ran: CPU, cores, memory, heap, JDK, DuckDB. */
final class Machine {
    private Machine() {
    }

    static String describe(String duckDbVersion) {
        long physical = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            physical = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%s, %d cores available, %.1f GiB RAM, max heap %.1f GiB; %s %s (%s);"
                        + " %s %s; DuckDB %s",
                cpuModel(), Runtime.getRuntime().availableProcessors(), physical / (double) (1L << 30),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.arch"), duckDbVersion);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
