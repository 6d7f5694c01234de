package app.carryover.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import app.carryover.system.Access;
import app.carryover.system.AccessRule;

/**
 * Carryover as an app on the client's phone: the service worker (at the site's root, so it may look after
 * every page) and the page it shows when a page was never kept for offline use. The worker's version is a
 * hash of itself and of every file it keeps, so a release that changes any of them installs a new worker,
 * which takes over at once; entries waiting to be sent live in the page's IndexedDB, not in the worker,
 * and survive it.
 */
@Controller
class OfflineApp {

    /** What the worker keeps for offline use, as the pages ask for it, and where each comes from. */
    static final List<String> FURNITURE = List.of("/css/carryover.css", "/js/carryover.js", "/js/offline.js",
            "/webjars/htmx.org/dist/htmx.min.js", "/img/icon-192.png", "/manifest.webmanifest");

    /** Set (for instance by a test, or by an operator forcing phones to refresh) to roll a new worker without a release. */
    static final String RELEASE_PROPERTY = "carryover.offline.release";

    private final String source;
    private final String filesHash;
    private final Environment environment;

    OfflineApp(Environment environment) {
        this.environment = environment;
        var resolver = new PathMatchingResourcePatternResolver();
        this.source = read(resolver.getResource("classpath:client/service-worker.js"));
        MessageDigest digest = sha256();
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        for (String path : FURNITURE) {
            digest.update(bytes(kept(resolver, path)));
        }
        this.filesHash = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    @Access(AccessRule.PUBLIC)
    @GetMapping("/sw.js")
    ResponseEntity<String> serviceWorker() {
        String release = environment.getProperty(RELEASE_PROPERTY, "");
        String version = release.isBlank() ? filesHash : filesHash + "-" + release.strip();
        String furniture = FURNITURE.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ", "[", "]"));
        return ResponseEntity.ok().contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(source.replace("'__VERSION__'", "'" + version + "'").replace("__FURNITURE__", furniture));
    }

    /** Shown by the worker, with no connection, for a page that was never kept on this phone. */
    @Access(AccessRule.PUBLIC)
    @GetMapping("/offline")
    String offline() {
        return "client/offline";
    }

    private static Resource kept(PathMatchingResourcePatternResolver resolver, String path) {
        try {
            if (path.startsWith("/webjars/")) {
                // the webjar's versioned folder: META-INF/resources/webjars/htmx.org/2.0.4/dist/htmx.min.js
                String[] parts = path.substring("/webjars/".length()).split("/", 2);
                Resource[] found = resolver.getResources("classpath*:META-INF/resources/webjars/" + parts[0] + "/*/" + parts[1]);
                if (found.length != 1) {
                    throw new IllegalStateException("Expected one copy of " + path + " on the class path, found " + found.length);
                }
                return found[0];
            }
            return resolver.getResource("classpath:static" + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + resource, e);
        }
    }

    private static String read(Resource resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
