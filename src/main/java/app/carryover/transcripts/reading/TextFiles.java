package app.carryover.transcripts.reading;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into text the way people's files actually arrive: UTF-8 (with or without a
 * byte-order mark), UTF-16 with a mark, or lines in Windows-1252/Latin-1 mixed into UTF-8 (each
 * line is decoded on its own, so one pasted-in line does not garble the file). Binary files are
 * refused with a reason rather than read as noise.
 */
public final class TextFiles {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextFiles() {
    }

    /** Decoded text and how many lines had to be read as Windows-1252 instead of UTF-8. */
    public record Decoded(String text, int legacyLines) {
    }

    /** Thrown when the bytes are not text; the message says why, for the user. */
    public static final class NotText extends Exception {
        NotText(String message) {
            super(message, null, false, false);
        }
    }

    public static Decoded decode(byte[] bytes) throws NotText {
        if (bytes.length == 0) {
            throw new NotText("the file is empty");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), 0);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), 0);
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        String binary = binaryReason(bytes, offset);
        if (binary != null) {
            throw new NotText(binary);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString(), 0);
        } catch (CharacterCodingException e) {
            return decodeByLine(bytes, offset, strict);
        }
    }

    private static Decoded decodeByLine(byte[] bytes, int offset, CharsetDecoder strict) {
        StringBuilder out = new StringBuilder(bytes.length);
        int legacy = 0;
        int start = offset;
        for (int i = offset; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i == bytes.length ? i : i + 1;
                ByteBuffer line = ByteBuffer.wrap(bytes, start, end - start);
                try {
                    strict.reset();
                    CharBuffer chars = strict.decode(line);
                    out.append(chars);
                } catch (CharacterCodingException e) {
                    out.append(new String(bytes, start, end - start, WINDOWS_1252));
                    legacy++;
                }
                start = end;
            }
        }
        return new Decoded(out.toString(), legacy);
    }

    /** Why these bytes are not text (NUL bytes or many control characters near the start), or null. */
    static String binaryReason(byte[] bytes, int offset) {
        int end = Math.min(bytes.length, offset + 64 * 1024);
        int control = 0;
        for (int i = offset; i < end; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return "it is a binary file (it holds NUL bytes), not a text transcript";
            }
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != 0x0c) {
                control++;
            }
        }
        int length = end - offset;
        if (length > 0 && control * 100 > length) {
            return "it is a binary file (" + control + " control characters in its first " + length
                    + " bytes), not a text transcript";
        }
        return null;
    }
}
