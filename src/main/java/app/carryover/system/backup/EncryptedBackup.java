package app.carryover.system.backup;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The file format of a backup: a short plain-text header (which installation made it, with which
 * key, when, from which server) followed by the content in AES-256-GCM chunks of up to 1 MiB.
 *
 * <p>Each chunk's nonce is a random per-file prefix, the chunk's number and whether it is the last
 * one, and every chunk authenticates the whole header; so a changed header, a changed, moved or
 * removed chunk, and a file cut short are all detected (the construction of the STREAM scheme of
 * Hoang, Reyhanitabar, Rogaway and Vizár, 2015).
 */
final class EncryptedBackup {

    static final String MAGIC = "CARRYOVER-BACKUP 1";
    private static final int CHUNK = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final int PREFIX_BYTES = 7;

    /** What the header says. */
    record Header(UUID installation, String keyFingerprint, Instant created, String server, byte[] noncePrefix) {

        byte[] encode() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("installation", installation.toString());
            fields.put("key", keyFingerprint);
            fields.put("created", created.toString());
            fields.put("server", server);
            fields.put("nonce", Base64.getEncoder().encodeToString(noncePrefix));
            StringBuilder text = new StringBuilder(MAGIC).append('\n');
            fields.forEach((k, v) -> text.append(k).append(": ").append(v.replace('\n', ' ')).append('\n'));
            return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
        }

        static Header decode(String text) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                int colon = line.indexOf(": ");
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 2));
                }
            }
            try {
                return new Header(UUID.fromString(fields.get("installation")), fields.get("key"),
                        Instant.parse(fields.get("created")), fields.getOrDefault("server", ""),
                        Base64.getDecoder().decode(fields.get("nonce")));
            } catch (RuntimeException e) {
                throw new BackupException("The backup's header is damaged; it cannot be read");
            }
        }
    }

    private EncryptedBackup() {
    }

    static OutputStream writer(OutputStream out, BackupKey key, Instant created, String server) throws IOException {
        byte[] prefix = new byte[PREFIX_BYTES];
        new SecureRandom().nextBytes(prefix);
        Header header = new Header(key.installation(), key.fingerprint(), created, server, prefix);
        byte[] encoded = header.encode();
        out.write(encoded);
        return new ChunkWriter(new DataOutputStream(out), key, encoded, prefix);
    }

    /** Reads the header alone (to say what a file is before opening it). */
    static Header header(InputStream in) throws IOException {
        return Header.decode(new String(readHeader(in), StandardCharsets.UTF_8));
    }

    /**
     * Opens a backup for reading, after checking it was made by this key's installation with this key.
     * The stream throws {@link BackupException} when a chunk fails to authenticate or the file ends early.
     */
    static InputStream reader(InputStream in, BackupKey key) throws IOException {
        byte[] encoded = readHeader(in);
        Header header = Header.decode(new String(encoded, StandardCharsets.UTF_8));
        if (!header.installation().equals(key.installation())) {
            throw new BackupException("This backup was made by another installation (" + header.installation()
                    + "); the key file belongs to installation " + key.installation() + ". Nothing was restored.");
        }
        if (!header.keyFingerprint().equals(key.fingerprint())) {
            throw new BackupException("This backup was encrypted with another key of this installation (fingerprint "
                    + header.keyFingerprint() + "; the key file's is " + key.fingerprint() + "). Nothing was restored.");
        }
        return new ChunkReader(new DataInputStream(in), key, encoded, header.noncePrefix());
    }

    private static byte[] readHeader(InputStream in) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int previous = -1;
        while (header.size() < 4096) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            header.write(b);
            if (b == '\n' && previous == '\n') {
                byte[] bytes = header.toByteArray();
                if (!new String(bytes, StandardCharsets.UTF_8).startsWith(MAGIC + "\n")) {
                    break;
                }
                return bytes;
            }
            previous = b;
        }
        throw new BackupException("This file is not a Carryover backup (it does not start with \"" + MAGIC + "\")");
    }

    private static Cipher cipher(int mode, BackupKey key, byte[] prefix, long chunk, boolean last, byte[] header)
            throws GeneralSecurityException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) chunk).put((byte) (last ? 1 : 0)).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.aesKey(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(header);
        return cipher;
    }

    private static final class ChunkWriter extends OutputStream {
        private final DataOutputStream out;
        private final BackupKey key;
        private final byte[] header;
        private final byte[] prefix;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long chunk;
        private boolean closed;

        ChunkWriter(DataOutputStream out, BackupKey key, byte[] header, byte[] prefix) {
            this.out = out;
            this.key = key;
            this.header = header;
            this.prefix = prefix;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    seal(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, prefix, chunk++, last, header).doFinal(buffer, 0, filled);
                out.writeByte(last ? 1 : 0);
                out.writeInt(sealed.length);
                out.write(sealed);
                filled = 0;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not encrypt the backup", e);
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                seal(true);
                out.close();
            }
        }
    }

    private static final class ChunkReader extends InputStream {
        private final DataInputStream in;
        private final BackupKey key;
        private final byte[] header;
        private final byte[] prefix;
        private byte[] plain = new byte[0];
        private int position;
        private long chunk;
        private long offset;
        private boolean ended;

        ChunkReader(DataInputStream in, BackupKey key, byte[] header, byte[] prefix) {
            this.in = in;
            this.key = key;
            this.header = header;
            this.prefix = prefix;
            this.offset = header.length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (position == plain.length) {
                if (ended) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        private void next() throws IOException {
            try {
                boolean last = in.readByte() == 1;
                int length = in.readInt();
                if (length < 16 || length > CHUNK + 16) {
                    throw damaged();
                }
                byte[] sealed = new byte[length];
                in.readFully(sealed);
                plain = cipher(Cipher.DECRYPT_MODE, key, prefix, chunk++, last, header).doFinal(sealed);
                position = 0;
                offset += 5 + length;
                ended = last;
                if (last && in.read() >= 0) {
                    throw new BackupException("The backup has data after its end: it has been altered. Nothing was restored.");
                }
            } catch (EOFException e) {
                throw new BackupException("The backup is incomplete: it ends after " + offset + " bytes, before its last "
                        + "part (cut short while being written or copied). Nothing was restored.");
            } catch (AEADBadTagException e) {
                throw damaged();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not decrypt the backup", e);
            }
        }

        private BackupException damaged() {
            return new BackupException("The backup has been altered or damaged: the part starting at byte " + offset
                    + (chunk <= 1 ? " (or its header)" : "") + " does not authenticate with this key. Nothing was restored.");
        }
    }
}
