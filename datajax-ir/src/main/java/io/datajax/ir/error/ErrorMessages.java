package io.datajax.ir.error;

import java.util.Collection;
import java.util.Optional;

/** Shared pieces of error text: nearest-match hints and lists of valid choices. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    /**
     * The candidate closest to {@code name} by edit distance (case-insensitive), if it is close enough
     * to be a plausible typo: at most a third of the longer name's length, and at least one edit. A
     * candidate that starts with {@code name} (or the reverse) counts as one edit away.
     */
    public static Optional<String> nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String a = name.toLowerCase();
            String b = candidate.toLowerCase();
            int distance = !a.isEmpty() && !b.isEmpty() && !a.equals(b) && (a.startsWith(b) || b.startsWith(a))
                    ? 1 : editDistance(a, b);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int limit = Math.max(1, Math.max(name.length(), best.length()) / 3);
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code " Did you mean 'x'?"} or the empty string. */
    public static String didYouMean(String name, Collection<String> candidates) {
        return nearest(name, candidates).map(n -> " Did you mean '" + n + "'?").orElse("");
    }

    /** {@code [a, b, c]} with each name quoted as given. */
    public static String list(Collection<?> names) {
        StringBuilder out = new StringBuilder("[");
        boolean first = true;
        for (Object name : names) {
            if (!first) {
                out.append(", ");
            }
            out.append(name);
            first = false;
        }
        return out.append(']').toString();
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
