package io.switchboard.trunk.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * An append-only file of framed entries: an 8-byte header, then per entry a big-endian
 * {@code int} length, the {@code int} CRC32 of the payload, and the payload. Every append is
 * forced to disk before it returns. Compaction writes a complete new file beside it, forces it,
 * and renames it over the old one, so a crash leaves either the old or the new file, never a mix.
 */
final class Journal implements Closeable {
    static final byte[] MAGIC = "SWBCFG1\n".getBytes(StandardCharsets.US_ASCII);
    static final int FRAME_HEADER = 8;
    static final int MAX_PAYLOAD = 16 << 20;

    private final Path file;
    private final Path temp;
    private FileChannel channel;
    private long size;
    private int entries;
    private IOException failure;

    /** The journal and the intact payloads found in it, oldest first. */
    record Opened(Journal journal, List<byte[]> payloads, RecoveryReport report) {
    }

    private Journal(Path file) {
        this.file = file;
        this.temp = file.resolveSibling(file.getFileName() + ".tmp");
    }

    /** Opens (or creates) the journal, truncating a torn tail left by a crash mid-append. */
    static Opened open(Path file) throws IOException {
        Journal journal = new Journal(file);
        Files.deleteIfExists(journal.temp); // a compaction that never got renamed into place
        if (!Files.exists(file)) {
            journal.replaceWith(List.of());
            return new Opened(journal, List.of(), new RecoveryReport(0, 0, ""));
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < MAGIC.length || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(file + " is not a Switchboard config journal (bad header); not touching it");
        }
        Scan scan = scan(bytes);
        if (scan.end < bytes.length && scan.validFrameAfterDamage) {
            throw new IOException(file + " is corrupt at byte " + scan.end + " (" + scan.problem
                    + ") but intact entries follow; refusing to drop acknowledged writes. Restore a backup.");
        }
        journal.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long discarded = bytes.length - scan.end;
        if (discarded > 0) {
            journal.channel.truncate(scan.end);
            journal.channel.force(true);
        }
        journal.size = scan.end;
        journal.entries = scan.payloads.size();
        return new Opened(journal, scan.payloads,
                new RecoveryReport(scan.payloads.size(), discarded, discarded > 0 ? scan.problem : ""));
    }

    /** Appends one entry and forces it to disk. On failure the file is cut back to before it. */
    void append(byte[] payload) throws IOException {
        if (failure != null) {
            throw new IOException("journal unusable after an earlier failure; reopen the store", failure);
        }
        ByteBuffer frame = frame(payload);
        long before = size;
        try {
            while (frame.hasRemaining()) {
                channel.write(frame, before + frame.position());
            }
            channel.force(true);
            size = before + frame.limit();
            entries++;
        } catch (IOException e) {
            try {
                channel.truncate(before);
                channel.force(true);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
                failure = e;
            }
            throw e;
        }
    }

    /** Atomically replaces the whole journal with these entries (compaction). */
    void replaceWith(List<byte[]> payloads) throws IOException {
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            out.write(ByteBuffer.wrap(MAGIC));
            for (byte[] p : payloads) {
                ByteBuffer frame = frame(p);
                while (frame.hasRemaining()) {
                    out.write(frame);
                }
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(file.toAbsolutePath().getParent());
        if (channel != null) {
            channel.close();
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        size = channel.size();
        entries = payloads.size();
        failure = null;
    }

    int entries() {
        return entries;
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }

    /** Makes a rename durable: the directory entry itself must reach the disk (POSIX rename + fsync(dir)). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal entry of " + payload.length + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(FRAME_HEADER + payload.length)
                .putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    }

    private record Scan(List<byte[]> payloads, int end, String problem, boolean validFrameAfterDamage) {
    }

    private static Scan scan(byte[] bytes) {
        List<byte[]> payloads = new ArrayList<>();
        int pos = MAGIC.length;
        while (pos < bytes.length) {
            String problem = frameProblem(bytes, pos);
            if (problem != null) {
                int declared = bytes.length - pos >= 4 ? ByteBuffer.wrap(bytes, pos, 4).getInt() : -1;
                long next = (long) pos + FRAME_HEADER + declared;
                boolean validAfter = declared > 0 && next < bytes.length && frameProblem(bytes, (int) next) == null;
                return new Scan(payloads, pos, problem, validAfter);
            }
            int length = ByteBuffer.wrap(bytes, pos, 4).getInt();
            payloads.add(Arrays.copyOfRange(bytes, pos + FRAME_HEADER, pos + FRAME_HEADER + length));
            pos += FRAME_HEADER + length;
        }
        return new Scan(payloads, pos, "", false);
    }

    /** Null if a whole, checksum-correct frame starts at {@code pos}; otherwise what is wrong. */
    private static String frameProblem(byte[] bytes, int pos) {
        if (bytes.length - pos < FRAME_HEADER) {
            return "torn frame header at byte " + pos;
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, pos, FRAME_HEADER);
        int length = header.getInt();
        int expectedCrc = header.getInt();
        // Zero length is never written; a zero-filled tail (a crash after the size grew) looks like it.
        if (length <= 0 || length > MAX_PAYLOAD) {
            return "invalid frame length " + length + " at byte " + pos;
        }
        if ((long) pos + FRAME_HEADER + length > bytes.length) {
            return "torn frame at byte " + pos + " (" + length + " bytes declared, "
                    + (bytes.length - pos - FRAME_HEADER) + " present)";
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, pos + FRAME_HEADER, length);
        if ((int) crc.getValue() != expectedCrc) {
            return "checksum mismatch at byte " + pos;
        }
        return null;
    }
}
