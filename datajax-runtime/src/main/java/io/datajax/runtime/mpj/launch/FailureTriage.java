package io.datajax.runtime.mpj.launch;

import io.datajax.runtime.mpj.RemoteRankException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the root cause among the events that follow a rank failure. One failure sets off others (a rank
 * that loses a peer mid-collective reports an MPJ exception too), so events are ranked: an exception a
 * task threw first; then a rank that died without reporting (killed, {@code System.exit}, crash); then
 * MPJ's own communication errors, which are usually consequences. Events arrive in order per rank: a
 * rank's report always precedes the end of its control connection.
 */
final class FailureTriage {
    private final List<RankEvent> events = new ArrayList<>();
    private final Map<Integer, RemoteRankException> reports = new LinkedHashMap<>();
    private final Map<Integer, Integer> exitCodes = new LinkedHashMap<>();
    private final Map<Integer, String> lost = new LinkedHashMap<>();
    private final Set<Integer> ranksInOrder = new LinkedHashSet<>();
    private String startFailure;

    /** Records one event; events that are not failures are ignored. */
    void add(RankEvent event) {
        if (event instanceof RankEvent.Failed failed) {
            reports.putIfAbsent(failed.rank(), failed.failure());
        } else if (event instanceof RankEvent.Exited exited) {
            exitCodes.putIfAbsent(exited.rank(), exited.exitCode());
        } else if (event instanceof RankEvent.Lost gone) {
            lost.putIfAbsent(gone.rank(), gone.reason());
        } else if (event instanceof RankEvent.StartFailed failed) {
            if (startFailure == null) {
                startFailure = failed.reason();
            }
            return;
        } else {
            return;
        }
        events.add(event);
        ranksInOrder.add(event.rank());
    }

    /** Whether anything failed yet. */
    boolean any() {
        return !events.isEmpty() || startFailure != null;
    }

    /**
     * Whether the root cause is known: a task's own exception arrived, or a rank that reported nothing
     * has both exited and lost its connection (so no report of it can still be on its way).
     */
    boolean settled() {
        if (startFailure != null || reports.values().stream().anyMatch(r -> !isMpjFailure(r))) {
            return true;
        }
        return ranksInOrder.stream().anyMatch(r -> !reports.containsKey(r) && exitCodes.containsKey(r)
                && lost.containsKey(r));
    }

    /** The rank of the root cause, or -1 for a failure of the start machinery. */
    int primaryRank() {
        if (startFailure != null && events.isEmpty()) {
            return -1;
        }
        Optional<Integer> thrower = reports.entrySet().stream().filter(e -> !isMpjFailure(e.getValue()))
                .map(Map.Entry::getKey).findFirst();
        if (thrower.isPresent()) {
            return thrower.get();
        }
        return ranksInOrder.stream().filter(r -> !reports.containsKey(r) && exitCodes.containsKey(r)).findFirst()
                .or(() -> ranksInOrder.stream().filter(r -> !reports.containsKey(r)).findFirst())
                .orElse(ranksInOrder.iterator().next());
    }

    /** The exception the root-cause rank reported, if it reported one. */
    Optional<RemoteRankException> primaryReport() {
        int rank = primaryRank();
        return rank < 0 ? Optional.empty() : Optional.ofNullable(reports.get(rank));
    }

    /** One line saying what happened to {@code rank}: its report, its exit code, or its lost connection. */
    String describe(int rank) {
        if (rank < 0) {
            return startFailure;
        }
        List<String> parts = new ArrayList<>();
        RemoteRankException report = reports.get(rank);
        if (report != null) {
            parts.add(report.getMessage());
        }
        Integer code = exitCodes.get(rank);
        if (code != null) {
            parts.add((report == null ? "rank " + rank + " " : "") + "exited with code " + code + signal(code));
        }
        if (parts.isEmpty()) {
            parts.add("rank " + rank + " lost its control connection (" + lost.get(rank) + ")");
        }
        return String.join(", then ", parts);
    }

    /** Descriptions of every other rank that failed, in order of arrival. */
    List<String> others() {
        int primary = primaryRank();
        List<String> others = new ArrayList<>();
        for (int rank : ranksInOrder) {
            if (rank != primary) {
                others.add(describe(rank));
            }
        }
        if (primary >= 0 && startFailure != null) {
            others.add(startFailure);
        }
        return others;
    }

    private static String signal(int code) {
        if (code <= 128 || code > 128 + 64) {
            return "";
        }
        int signal = code - 128;
        String name = switch (signal) {
            case 9 -> "SIGKILL";
            case 15 -> "SIGTERM";
            case 6 -> "SIGABRT";
            case 11 -> "SIGSEGV";
            default -> "signal " + signal;
        };
        return " (" + name + ")";
    }

    /** Whether {@code report} is MPJ Express's own error, typically a lost peer. */
    private static boolean isMpjFailure(RemoteRankException report) {
        String type = report.remoteClass();
        return type.startsWith("mpi.") || type.startsWith("mpjdev.") || type.startsWith("xdev.")
                || type.startsWith("mpjbuf.");
    }
}
