package app.carryover.system;

import java.io.IOException;
import java.util.List;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Spring's resource URL rewriting ({@link ResourceUrlEncodingFilter}: a page's
 * {@code /webjars/htmx.org/dist/htmx.min.js} is written with the webjar's version in it), asked only
 * for the static files' own folders. Spring asks it for every URL a page writes, and a URL that is no
 * static file (a link to {@code /clients/…}) is looked for in every class-path location each time,
 * uncached — in the packaged jar, through every nested jar: that was most of a caseload page's time
 * (about 150 links). Other URLs are written exactly as before, without the look-up.
 */
class StaticResourceUrls extends ResourceUrlEncodingFilter {

    /** The folders under {@code static/} and the webjars (as {@code SecurityConfiguration} lets them through). */
    static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/", "/img/", "/manifest.webmanifest");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request instanceof HttpServletRequest page) || !(response instanceof HttpServletResponse)) {
            chain.doFilter(request, response);
            return;
        }
        String contextPath = page.getContextPath();
        super.doFilter(request, response, (wrappedRequest, versioning) ->
                chain.doFilter(wrappedRequest, new OnlyStaticFiles((HttpServletResponse) versioning, contextPath)));
    }

    static boolean isStaticFile(String url, String contextPath) {
        if (url == null || !url.startsWith(contextPath)) {
            return false;
        }
        String path = url.substring(contextPath.length());
        return PREFIXES.stream().anyMatch(path::startsWith);
    }

    /** Sends static files' URLs to the versioning response it wraps, and every other URL past it. */
    private static final class OnlyStaticFiles extends HttpServletResponseWrapper {

        private final HttpServletResponse plain;
        private final String contextPath;

        OnlyStaticFiles(HttpServletResponse versioning, String contextPath) {
            super(versioning);
            this.plain = versioning instanceof ServletResponseWrapper wrapper
                    && wrapper.getResponse() instanceof HttpServletResponse inner ? inner : versioning;
            this.contextPath = contextPath;
        }

        @Override
        public String encodeURL(String url) {
            return isStaticFile(url, contextPath) ? super.encodeURL(url) : plain.encodeURL(url);
        }
    }
}
