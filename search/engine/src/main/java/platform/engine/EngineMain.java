package platform.engine;

import org.apache.logging.log4j.core.config.Configurator;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.MockNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import platform.engine.analysis.PlatformAnalysisPlugin;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one real Elasticsearch node in this JVM for local development and keeps it running until
 * the process is told to stop (SIGTERM / SIGINT), then closes it cleanly so the data directory stays
 * consistent.
 *
 * <p>The node is {@link MockNode}: the server's own {@link Node} (same construction, same services,
 * same REST layer as a production node) whose only difference is that plugins are handed over as
 * classes on the classpath instead of being read from a distribution's modules/ directory. None of
 * ES's test plugins is passed in, so no mock service is switched on.
 *
 * <p>Arguments, all optional: {@code --home DIR --http-port N --transport-port RANGE
 * --node-name NAME --cluster-name NAME}.
 */
public final class EngineMain {

    private static final List<Class<? extends Plugin>> PLUGINS = List.of(
        Netty4Plugin.class,          // HTTP and transport, as in every distribution
        RootEndpointPlugin.class,    // GET / (the unpublished rest-root module)
        PlatformAnalysisPlugin.class // Chinese analysis and synonyms
    );

    private EngineMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parseArgs(args);
        Path home = Path.of(opts.getOrDefault("home", ".data/elasticsearch")).toAbsolutePath().normalize();
        Settings settings = nodeSettings(home, opts);
        Path configDir = home.resolve("config");
        for (Path dir : List.of(configDir, home.resolve("data"), home.resolve("logs"))) {
            Files.createDirectories(dir);
        }
        try (InputStream log4j = EngineMain.class.getResourceAsStream("log4j2.properties")) {
            Files.copy(log4j, configDir.resolve("log4j2.properties"), StandardCopyOption.REPLACE_EXISTING);
        }

        Environment environment = InternalSettingsPreparer.prepareEnvironment(
            settings, Map.of(), configDir, () -> settings.get("node.name"));
        configureLogging(settings, configDir.resolve("log4j2.properties"));

        Node node = newNode(environment);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node, stopped), "engine-shutdown"));
        node.start();
        System.out.println("[engine] started on http://127.0.0.1:" + settings.get("http.port"));
        // ES's own threads keep the JVM alive as well; waiting here makes the lifetime explicit.
        stopped.await();
    }

    /**
     * Not LogConfigurator.configure: it merges the file with a built-in configuration, and with the
     * log4j version this server ships that merge drops the root logger's appenders (nothing is
     * logged at all). Loading the file directly gives the same console output.
     */
    private static void configureLogging(Settings settings, Path log4jConfig) {
        LogConfigurator.setNodeName(settings.get("node.name"));
        LogConfigurator.setClusterName(settings.get("cluster.name"));
        LogConfigurator.configureESLogging();
        Configurator.reconfigure(log4jConfig.toUri());
    }

    static Settings nodeSettings(Path home, Map<String, String> opts) {
        return Settings.builder()
            .put("cluster.name", opts.getOrDefault("cluster-name", "platform-dev"))
            .put("node.name", opts.getOrDefault("node-name", "platform-dev-1"))
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("http.host", "127.0.0.1")
            .put("http.port", opts.getOrDefault("http-port", "9200"))
            .put("transport.host", "127.0.0.1")
            .put("transport.port", opts.getOrDefault("transport-port", "9300-9399"))
            .put("discovery.type", "single-node")
            // A developer's disk is often fuller than a server's; without this the node turns
            // indices read-only at 95% disk use, which looks like an application bug.
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .build();
    }

    /**
     * MockNode's public constructors fill in a test port range through ESTestCase, whose static
     * initialiser bootstraps a test environment (and refuses to run as root). The private
     * constructor they all delegate to takes a ready Environment, so it is called directly.
     */
    private static Node newNode(Environment environment) throws ReflectiveOperationException {
        Constructor<MockNode> constructor = MockNode.class.getDeclaredConstructor(
            Environment.class, Collection.class, boolean.class, Closeable.class);
        constructor.setAccessible(true);
        Closeable noExtraResources = () -> {};
        boolean forbidPrivateIndexSettings = true; // as on a production node
        return constructor.newInstance(environment, PLUGINS, forbidPrivateIndexSettings, noExtraResources);
    }

    private static void stop(Node node, CountDownLatch stopped) {
        try {
            node.prepareForClose();
            node.close();
            if (node.awaitClose(30, TimeUnit.SECONDS) == false) {
                System.err.println("[engine] node did not close within 30s");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            e.printStackTrace();
        } finally {
            System.out.println("[engine] stopped");
            stopped.countDown();
        }
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (args[i].startsWith("--") == false || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got: " + String.join(" ", args));
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }
}
