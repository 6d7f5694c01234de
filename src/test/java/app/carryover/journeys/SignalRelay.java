package app.carryover.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The phone's signal: a TCP relay on localhost between the browser and the server. Cut, it drops every open
 * connection and closes each new one at once, as a train entering a tunnel does; the server keeps running.
 * DevTools' network emulation tells the page it is offline; this makes every request fail too, the service
 * worker's included, whatever the emulation covers.
 */
final class SignalRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    SignalRelay(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "signal-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The address the phone uses: localhost on the relay's port (a secure context, as service workers need). */
    String baseUrl() {
        return "http://localhost:" + listener.getLocalPort();
    }

    void cut() {
        cut = true;
        open.forEach(SignalRelay::closeQuietly);
        open.clear();
    }

    void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket phone = listener.accept();
                if (cut) {
                    closeQuietly(phone);
                    continue;
                }
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(phone);
                open.add(server);
                pipe(phone, server);
                pipe(server, phone);
            } catch (IOException e) {
                // the listener closed, or the server refused one connection: the phone sees it fail
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0;) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "signal-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        listener.close();
    }
}
