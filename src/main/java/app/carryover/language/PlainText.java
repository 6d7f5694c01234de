package app.carryover.language;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text typed into a form or pasted from elsewhere, made plain for the text features: markup removed,
 * common entities decoded, typographic quotes and dashes made ASCII, emoji and control characters
 * dropped, white space collapsed, and cut at a length the caller chooses. It records what it did, so a
 * feature can say what it could not judge instead of failing.
 */
public record PlainText(String text, boolean hadMarkup, boolean truncated, int droppedSymbols) {

    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]{0,500}>");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,6}|#x[0-9a-fA-F]{1,5}|[a-zA-Z]{2,8});");

    /** Cleans {@code raw} and keeps at most {@code limit} characters of the result (at a word boundary where one is near). */
    public static PlainText of(String raw, int limit) {
        if (raw == null || raw.isEmpty()) {
            return new PlainText("", false, false, 0);
        }
        // Looking at a little more than the limit is enough: markup and symbols only ever shorten the text.
        boolean cutEarly = raw.length() > limit * 4L + 1000;
        String source = cutEarly ? raw.substring(0, limit * 4 + 1000) : raw;
        boolean hadMarkup = false;
        if (source.indexOf('<') >= 0 || source.indexOf('&') >= 0) {
            String stripped = TAG.matcher(dropBlocks(source)).replaceAll(" ");
            stripped = decodeEntities(stripped);
            hadMarkup = !stripped.equals(source);
            source = stripped;
        }
        StringBuilder out = new StringBuilder(Math.min(source.length(), limit + 16));
        int dropped = 0;
        boolean space = true;
        for (int i = 0; i < source.length() && out.length() < limit; ) {
            int cp = source.codePointAt(i);
            i += Character.charCount(cp);
            int mapped = map(cp);
            if (mapped == EM_DASH) {
                // a dash between clauses is written spaced, " - ", so that it is not read as a hyphen
                if (!space) {
                    out.append(' ');
                }
                out.append("- ");
                space = true;
                continue;
            }
            if (mapped == ' ') {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
            } else if (mapped < 0) {
                dropped++;
            } else {
                out.appendCodePoint(mapped);
                space = false;
            }
        }
        boolean truncated = cutEarly || out.length() >= limit && source.length() > limit;
        String text = out.toString().strip();
        if (truncated) {
            int cut = text.lastIndexOf(' ');
            if (cut > limit - 200) {
                text = text.substring(0, cut);
            }
        }
        return new PlainText(text, hadMarkup, truncated, dropped);
    }

    private static final int EM_DASH = 0x2014;

    /** Typographic punctuation to ASCII, white space to a space, emoji and other symbols to -1 (dropped). */
    private static int map(int cp) {
        switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u2032', '`' -> {
                return '\'';
            }
            case '\u201C', '\u201D', '\u201E', '\u2033' -> {
                return '"';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212' -> {
                return '-';
            }
            case '\u2014', '\u2015' -> {
                return EM_DASH; // kept apart from the hyphen: it joins clauses, not words
            }
            case '\u2026' -> {
                return '.';
            }
            case '\u00A0', '\u2007', '\u202F', '\t', '\n', '\r', '\f' -> {
                return ' ';
            }
            default -> {
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    return ' ';
                }
                if (Character.isISOControl(cp)) {
                    return -1;
                }
                int type = Character.getType(cp);
                if (type == Character.OTHER_SYMBOL || type == Character.SURROGATE || type == Character.PRIVATE_USE
                        || type == Character.UNASSIGNED || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                        && cp >= 0xFE00 && cp <= 0xFE0F) {
                    return -1;
                }
                return cp;
            }
        }
    }

    /** Removes comments and script or style elements, content and all, in one linear pass. */
    private static String dropBlocks(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.indexOf("<!--") < 0 && lower.indexOf("<script") < 0 && lower.indexOf("<style") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int open = lower.indexOf('<', i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            String close = lower.startsWith("<!--", open) ? "-->" : lower.startsWith("<script", open) ? "</script>"
                    : lower.startsWith("<style", open) ? "</style>" : null;
            if (close == null) {
                out.append(text, i, open + 1);
                i = open + 1;
                continue;
            }
            out.append(text, i, open).append(' ');
            int end = lower.indexOf(close, open + 4);
            i = end < 0 ? text.length() : end + close.length();
        }
        return out.toString();
    }

    private static String decodeEntities(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        return ENTITY.matcher(text).replaceAll(m -> {
            String name = m.group(1);
            String value;
            if (name.startsWith("#x")) {
                value = codePoint(Integer.parseInt(name.substring(2), 16));
            } else if (name.startsWith("#")) {
                value = codePoint(Integer.parseInt(name.substring(1)));
            } else {
                value = switch (name.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> " ";
                    case "ndash", "mdash" -> "-";
                    case "rsquo", "lsquo" -> "'";
                    case "ldquo", "rdquo" -> "\"";
                    case "hellip" -> ".";
                    default -> m.group();
                };
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
    }
}
