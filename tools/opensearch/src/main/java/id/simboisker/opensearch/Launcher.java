package id.simboisker.opensearch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

/**
 * Starts one OpenSearch node on 127.0.0.1 for development and CI, and keeps it running until the
 * process is told to stop (SIGTERM from stop.sh), then closes the node cleanly.
 *
 * Usage: Launcher BASE_DIR [HTTP_PORT]   (no port or 0: a free one). Prints OPENSEARCH_PORT=n once the
 * node answers and writes it to BASE_DIR/http.port; start.sh waits for the cluster health on top of that.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(final String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Launcher BASE_DIR [HTTP_PORT]");
            System.exit(2);
        }
        final Path base = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(base);
        final int httpPort = args.length > 1 && Integer.parseInt(args[1]) > 0 ? Integer.parseInt(args[1]) : freePort();
        final int transportPort = freePort();

        final OpenSearchRunner runner = new OpenSearchRunner();
        runner.onBuild((number, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", String.valueOf(httpPort));
            settings.put("transport.port", String.valueOf(transportPort));
            settings.put("discovery.type", "single-node");
            // A development node must not turn indices read-only because the disk is fairly full.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            settings.put("action.auto_create_index", false);
        }).build(OpenSearchRunner.newConfigs()
                .basePath(base.toString())
                .numOfNode(1)
                .clusterName("simboisker-dev")
                .printOnFailure());

        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "opensearch-launcher-shutdown"));

        runner.ensureYellow();
        // start.sh reads the port from this file (stdout goes through the node's logger).
        final Path portFile = base.resolve("http.port");
        final Path tmp = base.resolve("http.port.tmp");
        Files.writeString(tmp, httpPort + "\n");
        Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("OPENSEARCH_PORT=" + httpPort);
        System.out.flush();
        stopped.await();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
