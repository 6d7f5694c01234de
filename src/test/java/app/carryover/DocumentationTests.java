package app.carryover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README and docs/ travel with the code: every relative link in them points at a file (and, for a
 * Markdown file, a heading) inside this repository, and no path in them leads out of it (to a folder
 * beside the checkout or an absolute path on one machine).
 */
class DocumentationTests {

    static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
    /** A relative path going up ({@code ../…}), or an absolute one on a developer's machine. */
    static final Pattern PATH = Pattern.compile("(?:^|[\\s(`'\"])((?:\\.\\./)+[^\\s`)'\"]*|/(?:work|home|root|Users)/[^\\s`)'\"]*)");

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        Map<Path, Set<String>> anchors = new HashMap<>();
        for (Path doc : documents()) {
            List<String> lines = prose(doc);
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = LINK.matcher(withoutCodeSpans(lines.get(n)));
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // http:, https:, mailto:
                    }
                    String where = ROOT.relativize(doc) + ":" + (n + 1) + " links to '" + target + "': ";
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    String anchor = hash < 0 ? null : target.substring(hash + 1);
                    Path resolved = file.isEmpty() ? doc
                            : (file.startsWith("/") ? ROOT.resolve(file.substring(1)) : doc.getParent().resolve(file)).normalize();
                    if (!resolved.startsWith(ROOT)) {
                        broken.add(where + "outside the repository");
                    } else if (!Files.exists(resolved)) {
                        broken.add(where + "no such file");
                    } else if (anchor != null && resolved.toString().endsWith(".md")
                            && !anchors.computeIfAbsent(resolved, DocumentationTests::headings).contains(anchor)) {
                        broken.add(where + "no heading with that anchor in " + ROOT.relativize(resolved));
                    }
                }
            }
        }
        assertThat(broken).as("links in README.md and docs/ that do not resolve inside the repository").isEmpty();
    }

    @Test
    void noPathLeadsOutOfTheRepository() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path doc : documents()) {
            List<String> lines = Files.readAllLines(doc);
            for (int n = 0; n < lines.size(); n++) {
                Matcher m = PATH.matcher(lines.get(n));
                while (m.find()) {
                    String path = m.group(1).replaceFirst("[.,:;]+$", "");
                    Path resolved = doc.getParent().resolve(path).normalize();
                    if (path.startsWith("/") || !resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                        outside.add(ROOT.relativize(doc) + ":" + (n + 1) + " names '" + path + "'");
                    }
                }
            }
        }
        assertThat(outside).as("paths in README.md and docs/ outside the repository (a reader of the repository alone cannot follow them)")
                .isEmpty();
    }

    /**
     * The events table of docs/architecture.md names every record published with
     * {@code publishEvent(new …)} in src/main/java, with its publishing class and each class that
     * listens to it ({@code @ApplicationModuleListener}, {@code @EventListener},
     * {@code @TransactionalEventListener}). Read from the source, as a newcomer would grep it.
     */
    @Test
    void everyEventIsInTheArchitectureDocWithItsPublishersAndListeners() throws IOException {
        Map<String, Set<String>> publishers = new TreeMap<>();
        Map<String, Set<String>> listeners = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(ROOT.resolve("src/main/java"))) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                String owner = file.getFileName().toString().replace(".java", "");
                Matcher call = PUBLISH.matcher(source);
                while (call.find()) {
                    Matcher published = PUBLISHED_NEW.matcher(source.substring(call.end()));
                    if (published.lookingAt()) {
                        publishers.computeIfAbsent(lastPart(published.group(1)), k -> new TreeSet<>()).add(owner);
                    } else {
                        unknown.add(ROOT.relativize(file) + ": " + source.substring(call.start(),
                                Math.min(source.length(), call.end() + 40)).lines().findFirst().orElse(""));
                    }
                }
                Matcher listener = LISTENER.matcher(source);
                while (listener.find()) {
                    listeners.computeIfAbsent(lastPart(listener.group(1)), k -> new TreeSet<>()).add(owner);
                }
            }
        }
        assertThat(unknown).as("publishEvent calls whose event this check cannot read (publish `new TheEvent(…)` inline)")
                .isEmpty();
        assertThat(publishers).as("events published in src/main/java").isNotEmpty();
        Map<String, String> rows = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/architecture.md"))) {
            Matcher row = EVENT_ROW.matcher(line);
            if (row.lookingAt()) {
                rows.put(lastPart(row.group(1)), line);
            }
        }
        List<String> missing = new ArrayList<>();
        publishers.forEach((event, by) -> {
            String row = rows.get(event);
            if (row == null) {
                missing.add(event + " (published by " + String.join(", ", by) + ") has no row");
                return;
            }
            for (String name : by) {
                if (!names(row, name)) {
                    missing.add(event + ": its row does not name the publisher " + name);
                }
            }
            for (String name : listeners.getOrDefault(event, Set.of())) {
                if (!names(row, name)) {
                    missing.add(event + ": its row does not name the listener " + name);
                }
            }
        });
        rows.keySet().stream().filter(e -> !publishers.containsKey(e))
                .forEach(e -> missing.add(e + " has a row but is no longer published"));
        assertThat(missing).as("the events table of docs/architecture.md against the code").isEmpty();
    }

    static final Pattern PUBLISH = Pattern.compile("\\.publishEvent\\(");
    static final Pattern PUBLISHED_NEW = Pattern.compile("\\s*new\\s+([A-Z]\\w*(?:\\.[A-Z]\\w*)*)\\s*[(<]");
    static final Pattern LISTENER = Pattern.compile("@(?:ApplicationModuleListener|EventListener|TransactionalEventListener)\\b"
            + "(?:\\([^)]*\\))?\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:public\\s+|protected\\s+|private\\s+)?void\\s+\\w+\\(\\s*"
            + "(?:final\\s+)?([A-Z][\\w.]*)\\s+\\w+\\s*\\)");
    static final Pattern EVENT_ROW = Pattern.compile("\\|\\s*`([A-Z][\\w.]*)`");

    private static boolean names(String text, String name) {
        return Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text).find();
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Test
    void headingsBecomeGitHubAnchors() {
        assertThat(anchor("Row-level security")).isEqualTo("row-level-security");
        assertThat(anchor("Training on the blind set too (measured, not shipped)"))
                .isEqualTo("training-on-the-blind-set-too-measured-not-shipped");
        assertThat(anchor("The `Clock`, and time")).isEqualTo("the-clock-and-time");
    }

    static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        for (String folder : List.of("docs", "bench")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(folder))) {
                walk.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
            }
        }
        return docs;
    }

    /** The lines outside fenced code blocks (a fenced block's lines become empty, so line numbers stay right). */
    static List<String> prose(Path doc) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(doc)) {
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                lines.add("");
                continue;
            }
            lines.add(fenced ? "" : line);
        }
        return lines;
    }

    static String withoutCodeSpans(String line) {
        return CODE_SPAN.matcher(line).replaceAll("");
    }

    /** GitHub's anchors for a Markdown file's headings (a repeated heading gets -1, -2, …). */
    static Set<String> headings(Path doc) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            for (String line : prose(doc)) {
                if (line.matches("^#{1,6}\\s.*")) {
                    String a = anchor(line.replaceFirst("^#{1,6}\\s+", "").replaceFirst("\\s+#+\\s*$", ""));
                    int times = seen.merge(a, 1, Integer::sum);
                    anchors.add(times == 1 ? a : a + "-" + (times - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    static String anchor(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"); // a link keeps its words
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
