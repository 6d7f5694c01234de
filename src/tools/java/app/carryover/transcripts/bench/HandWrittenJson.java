package app.carryover.transcripts.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The module's former hand-written JSON reader (until the move to Jackson), kept only so that
 * {@link JsonReaderBenchmark} can repeat the comparison that decided it: a flat object (strings,
 * numbers, booleans, null; nested values kept as their raw text).
 */
final class HandWrittenJson {

    private HandWrittenJson() {
    }

    /** Thrown for a line that is not a JSON object; the message says where it went wrong. */
    public static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    public static Map<String, Object> object(String line) throws Malformed {
        Reader r = new Reader(line);
        r.skipSpace();
        r.expect('{');
        Map<String, Object> map = new HashMap<>();
        r.skipSpace();
        if (r.peek() == '}') {
            r.pos++;
            return map;
        }
        while (true) {
            r.skipSpace();
            String key = r.string();
            r.skipSpace();
            r.expect(':');
            r.skipSpace();
            map.put(key, r.value());
            r.skipSpace();
            char c = r.next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new Malformed("expected ',' or '}' at character " + r.pos);
            }
        }
        r.skipSpace();
        if (r.pos < r.s.length()) {
            throw new Malformed("unexpected text after the object at character " + (r.pos + 1));
        }
        return map;
    }

    /** The raw text of each element of a top-level JSON array. */
    static java.util.List<String> array(String text) throws Malformed {
        Reader r = new Reader(text);
        r.skipSpace();
        r.expect('[');
        java.util.List<String> out = new java.util.ArrayList<>();
        r.skipSpace();
        if (r.peek() == ']') {
            return out;
        }
        while (true) {
            r.skipSpace();
            int start = r.pos;
            r.value();
            out.add(text.substring(start, r.pos));
            r.skipSpace();
            char c = r.next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw new Malformed("expected ',' or ']' at character " + r.pos);
            }
        }
    }

    /** The value as text: strings as they are, numbers and booleans printed, null as null. */
    public static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double) {
            double d = (Double) value;
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
        }
        return value.toString();
    }

    public static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Reader {
        final String s;
        int pos;

        Reader(String s) {
            this.s = s;
        }

        char peek() throws Malformed {
            if (pos >= s.length()) {
                throw new Malformed("the line ends too early");
            }
            return s.charAt(pos);
        }

        char next() throws Malformed {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) throws Malformed {
            if (pos >= s.length() || s.charAt(pos) != c) {
                throw new Malformed("expected '" + c + "' at character " + (pos + 1));
            }
            pos++;
        }

        void skipSpace() {
            while (pos < s.length() && s.charAt(pos) <= ' ') {
                pos++;
            }
        }

        Object value() throws Malformed {
            char c = peek();
            switch (c) {
                case '"':
                    return string();
                case '{':
                case '[':
                    int start = pos;
                    skipNested();
                    return s.substring(start, pos);
                case 't':
                    word("true");
                    return Boolean.TRUE;
                case 'f':
                    word("false");
                    return Boolean.FALSE;
                case 'n':
                    word("null");
                    return null;
                default:
                    return number();
            }
        }

        void word(String w) throws Malformed {
            if (!s.startsWith(w, pos)) {
                throw new Malformed("unexpected value at character " + (pos + 1));
            }
            pos += w.length();
        }

        Object number() throws Malformed {
            int start = pos;
            while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new Malformed("unexpected value at character " + (start + 1));
            }
        }

        void skipNested() throws Malformed {
            int depth = 0;
            do {
                char c = next();
                if (c == '"') {
                    pos--;
                    string();
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                }
            } while (depth > 0);
        }

        public String string() throws Malformed {
            expect('"');
            int start = pos;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '"') {
                    String plain = s.substring(start, pos);
                    pos++;
                    return plain;
                }
                if (c == '\\') {
                    break;
                }
                pos++;
            }
            StringBuilder b = new StringBuilder(s.substring(start, pos));
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new Malformed("broken \\u escape at character " + pos);
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new Malformed("broken \\u escape at character " + pos);
                        }
                        pos += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}
