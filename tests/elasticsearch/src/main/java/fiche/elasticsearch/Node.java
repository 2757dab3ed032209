package fiche.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.unit.TimeValue;

/**
 * Starts one real Elasticsearch 7.10.2 node (elasticsearch-cluster-runner) on 127.0.0.1 for
 * fiche-search's tests: the twin of tests/opensearch's launcher, for one node only.
 *
 * <p>Prints {@code ELASTICSEARCH_URL=http://127.0.0.1:PORT} once the node is at least yellow.
 * Stops cleanly on SIGTERM/SIGINT (a shutdown hook closes the node and deletes a temporary data
 * dir). With {@code --stdin} it also stops when standard input closes, so a test run that dies
 * never leaves a JVM behind.
 *
 * <pre>
 * Node [--port P] [--data DIR] [--stdin]
 *   --port P   HTTP port; 0 (default) picks a free one
 *   --data DIR keep data under DIR (default: a temporary dir, deleted at exit)
 * </pre>
 */
public final class Node {
    private static final String CLUSTER_NAME = "fiche-test";

    /**
     * Stdout carries only the ELASTICSEARCH_*= lines; System.out is pointed at stderr, with the
     * node's log (log4j2.properties), because the runner prints its chatter there.
     */
    private static final PrintStream OUT = System.out;

    static {
        System.setOut(System.err);
    }

    public static void main(String[] args) throws Exception {
        int port = 0;
        String data = null;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = args[++i];
                case "--stdin" -> watchStdin = true;
                default -> {
                    System.err.println("unknown argument: " + args[i]
                            + "\nusage: Node [--port P] [--data DIR] [--stdin]");
                    System.exit(2);
                }
            }
        }

        final boolean keepData = data != null;
        final Path base = keepData ? Paths.get(data).toAbsolutePath()
                : Files.createTempDirectory("fiche-elasticsearch-");
        final int httpPort = port == 0 ? freePort() : port;
        final int transportPort = freePort();

        final ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        // The runner looks for a free HTTP port of its own up to 9299 and fails when there is
        // none, even though ours (set below) wins: let it look anywhere.
        runner.setMaxHttpPort(65535);
        runner.onBuild((number, settings) -> {
            settings.put("node.name", "node-" + number);
            // Loopback only: a test node must never be reachable from elsewhere.
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("discovery.type", "single-node");
            // A nearly full dev/CI disk must not leave shards unassigned (red/yellow forever).
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(runner, keepData);
            stopped.countDown();
        }, "fiche-elasticsearch-shutdown"));

        long start = System.nanoTime();
        runner.build(ElasticsearchClusterRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .disableESLogger() // see src/main/resources/log4j2.properties
                .clusterName(CLUSTER_NAME));
        ClusterHealthResponse health = runner.admin().cluster().prepareHealth()
                .setWaitForNodes("1")
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(120))
                .get();
        if (health.isTimedOut()) {
            System.err.println("Elasticsearch was not yellow within 120 s: " + health.getStatus());
            System.exit(1);
        }

        OUT.printf("ELASTICSEARCH_STARTED_MS=%d%n", (System.nanoTime() - start) / 1_000_000);
        OUT.println("ELASTICSEARCH_DATA=" + base);
        String url = "http://127.0.0.1:" + httpPort;
        OUT.println("ELASTICSEARCH_URLS=" + url); // as tests/opensearch's launcher prints them
        // Last, so a reader waiting for this line has everything above too.
        OUT.println("ELASTICSEARCH_URL=" + url);
        OUT.flush();

        if (watchStdin) {
            drain(System.in);
            System.exit(0); // stdin closed: the shutdown hook stops the node
        }
        stopped.await(); // until SIGTERM / SIGINT
    }

    /** Reads standard input until it closes (the caller is gone or done). */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        while (in.read(buffer) >= 0) {
            // nothing to do: only the end counts
        }
    }

    private static void closeQuietly(ElasticsearchClusterRunner runner, boolean keepData) {
        try {
            if (!runner.isClosed()) {
                runner.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("closing Elasticsearch: " + e);
        }
        if (!keepData) {
            runner.clean(); // deletes the base path (the temporary data dir)
        }
    }

    /** A port the OS says is free now. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private Node() {
    }
}
