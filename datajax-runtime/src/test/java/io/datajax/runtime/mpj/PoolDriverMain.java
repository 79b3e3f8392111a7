package io.datajax.runtime.mpj;

/**
 * A driver JVM for {@link OrphanedRanksTest}: starts a pool of 2 ranks, prints {@code pids <a> <b>} on
 * standard output, and waits to be killed.
 */
public final class PoolDriverMain {
    private PoolDriverMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RankPool pool = RankPool.start(MpjSettings.defaults(2));
        StringBuilder line = new StringBuilder("pids");
        for (long pid : pool.pids()) {
            line.append(' ').append(pid);
        }
        System.out.println(line);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
