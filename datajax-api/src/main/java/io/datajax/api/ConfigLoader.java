package io.datajax.api;

import io.datajax.ir.error.ErrorCode;
import io.datajax.ir.error.ErrorMessages;
import io.datajax.ir.error.SchemaException;
import io.datajax.api.DataJaxConfig.MpjConfig;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one place DataJax reads the environment. Each setting of {@link DataJaxConfig} can be given as a
 * system property {@code datajax.<name>} or an environment variable {@code DATAJAX_<NAME>}; the system
 * property wins over the environment, which wins over {@link DataJaxConfig#defaults()}. Unknown
 * {@code datajax.*} properties and {@code DATAJAX_*} variables are errors.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>property</th><th>variable</th><th>value</th></tr>
 *   <tr><td>datajax.executor</td><td>DATAJAX_EXECUTOR</td><td>executor name, e.g. local</td></tr>
 *   <tr><td>datajax.threads</td><td>DATAJAX_THREADS</td><td>positive integer</td></tr>
 *   <tr><td>datajax.disabledRules</td><td>DATAJAX_DISABLED_RULES</td><td>comma-separated rule names</td></tr>
 *   <tr><td>datajax.planCacheSize</td><td>DATAJAX_PLAN_CACHE_SIZE</td><td>positive integer</td></tr>
 *   <tr><td>datajax.verifyPlans</td><td>DATAJAX_VERIFY_PLANS</td><td>true or false</td></tr>
 *   <tr><td>datajax.mpj.ranks</td><td>DATAJAX_MPJ_RANKS</td><td>positive integer: rank processes of the MPJ
 *       executor</td></tr>
 *   <tr><td>datajax.mpj.rankHeapMegabytes</td><td>DATAJAX_MPJ_RANK_HEAP_MEGABYTES</td><td>integer, at least 64:
 *       {@code -Xmx} of each rank JVM in MiB</td></tr>
 *   <tr><td>datajax.mpj.jvmOptions</td><td>DATAJAX_MPJ_JVM_OPTIONS</td><td>extra rank JVM options, separated by
 *       whitespace</td></tr>
 *   <tr><td>datajax.mpj.callTimeout</td><td>DATAJAX_MPJ_CALL_TIMEOUT</td><td>a duration: {@code 90s},
 *       {@code 500ms}, {@code 10m}, {@code 1h}, or ISO-8601 such as {@code PT90S}</td></tr>
 *   <tr><td>datajax.mpj.broadcastRows</td><td>DATAJAX_MPJ_BROADCAST_ROWS</td><td>integer, at least 0: the most
 *       right-side rows of a join the MPJ executor broadcasts instead of hash-exchanging both sides (0: never)
 *       </td></tr>
 * </table>
 *
 * <p>{@code datajax.mpj.pool} is not a setting: the MPJ rank pool puts it on its rank JVMs' command lines
 * to mark them, and it is ignored here.
 */
public final class ConfigLoader {
    private static final Map<String, String> SETTINGS = new LinkedHashMap<>();
    /** Set on rank JVMs by the MPJ rank pool to mark them ({@code -Ddatajax.mpj.pool=<id>}); not a setting. */
    private static final String POOL_MARKER = "datajax.mpj.pool";
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    static {
        SETTINGS.put("executor", "DATAJAX_EXECUTOR");
        SETTINGS.put("threads", "DATAJAX_THREADS");
        SETTINGS.put("disabledRules", "DATAJAX_DISABLED_RULES");
        SETTINGS.put("planCacheSize", "DATAJAX_PLAN_CACHE_SIZE");
        SETTINGS.put("verifyPlans", "DATAJAX_VERIFY_PLANS");
        SETTINGS.put("mpj.ranks", "DATAJAX_MPJ_RANKS");
        SETTINGS.put("mpj.rankHeapMegabytes", "DATAJAX_MPJ_RANK_HEAP_MEGABYTES");
        SETTINGS.put("mpj.jvmOptions", "DATAJAX_MPJ_JVM_OPTIONS");
        SETTINGS.put("mpj.callTimeout", "DATAJAX_MPJ_CALL_TIMEOUT");
        SETTINGS.put("mpj.broadcastRows", "DATAJAX_MPJ_BROADCAST_ROWS");
    }

    private ConfigLoader() {
    }

    /** The configuration from this JVM's system properties and environment. */
    public static DataJaxConfig fromEnvironment() {
        return from(System.getProperties(), System.getenv());
    }

    /** The configuration from the given properties and environment (for tests and embedding). */
    public static DataJaxConfig from(Properties properties, Map<String, String> environment) {
        checkUnknown(properties.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("datajax.") && !k.equals(POOL_MARKER)).toList(),
                SETTINGS.keySet().stream().map(k -> "datajax." + k).toList(), "system property");
        checkUnknown(environment.keySet().stream().filter(k -> k.startsWith("DATAJAX_")).toList(),
                List.copyOf(SETTINGS.values()), "environment variable");
        DataJaxConfig defaults = DataJaxConfig.defaults();
        String executor = value("executor", properties, environment, defaults.executor());
        int threads = intValue("threads", properties, environment, defaults.threads());
        String rules = value("disabledRules", properties, environment, "");
        Set<String> disabled = Arrays.stream(rules.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        int cacheSize = intValue("planCacheSize", properties, environment, defaults.planCacheSize());
        String verify = value("verifyPlans", properties, environment, Boolean.toString(defaults.verifyPlans()));
        if (!verify.equals("true") && !verify.equals("false")) {
            throw invalid("verifyPlans", verify, "true or false");
        }
        MpjConfig mpjDefaults = defaults.mpj();
        int ranks = intValue("mpj.ranks", properties, environment, mpjDefaults.ranks());
        int heap = intValue("mpj.rankHeapMegabytes", properties, environment, mpjDefaults.rankHeapMegabytes());
        String options = value("mpj.jvmOptions", properties, environment, String.join(" ", mpjDefaults.jvmOptions()));
        List<String> jvmOptions = Arrays.stream(options.split("\\s+")).filter(s -> !s.isEmpty()).toList();
        Duration callTimeout = durationValue("mpj.callTimeout", properties, environment, mpjDefaults.callTimeout());
        long broadcastRows = longValue("mpj.broadcastRows", properties, environment, mpjDefaults.broadcastRows());
        MpjConfig mpj = new MpjConfig(ranks, heap, jvmOptions, callTimeout, broadcastRows);
        return new DataJaxConfig(executor, threads, disabled, cacheSize, Boolean.parseBoolean(verify), mpj);
    }

    private static Duration durationValue(String name, Properties properties, Map<String, String> environment,
            Duration fallback) {
        String text = value(name, properties, environment, null);
        if (text == null) {
            return fallback;
        }
        Matcher match = DURATION.matcher(text);
        try {
            if (match.matches()) {
                long amount = Long.parseLong(match.group(1));
                return switch (match.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            }
            return Duration.parse(text);
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw invalid(name, text, "a duration such as 90s, 500ms, 10m, 1h or PT90S");
        }
    }

    private static String value(String name, Properties properties, Map<String, String> environment, String fallback) {
        String fromProperty = properties.getProperty("datajax." + name);
        if (fromProperty != null) {
            return fromProperty.trim();
        }
        String fromEnvironment = environment.get(SETTINGS.get(name));
        return fromEnvironment != null ? fromEnvironment.trim() : fallback;
    }

    private static int intValue(String name, Properties properties, Map<String, String> environment, int fallback) {
        String text = value(name, properties, environment, Integer.toString(fallback));
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw invalid(name, text, "a positive integer");
        }
    }

    private static long longValue(String name, Properties properties, Map<String, String> environment, long fallback) {
        String text = value(name, properties, environment, Long.toString(fallback));
        try {
            long parsed = Long.parseLong(text);
            if (parsed < 0) {
                throw new NumberFormatException(text);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw invalid(name, text, "an integer, at least 0");
        }
    }

    private static SchemaException invalid(String name, String value, String valid) {
        return new SchemaException(ErrorCode.INVALID_CONFIG, "Setting " + name + " (datajax." + name + " / "
                + SETTINGS.get(name) + ") is '" + value + "'; it must be " + valid + ".");
    }

    private static void checkUnknown(List<String> given, List<String> known, String kind) {
        for (String key : given) {
            if (!known.contains(key)) {
                throw new SchemaException(ErrorCode.INVALID_CONFIG, "Unknown DataJax " + kind + " '" + key + "'."
                        + ErrorMessages.didYouMean(key, known) + " Known: " + ErrorMessages.list(known));
            }
        }
    }
}
