package io.serviceproof.verifier.credential;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * W3C Bitstring Status List v1.0: a list of status bits, the first bit the most significant of the
 * first byte, published as {@code encodedList} = multibase base64url (prefix {@code u}, no padding)
 * of the GZIP-compressed bitstring. A list holds at least 131,072 entries (16 KiB), so that one
 * credential's bit says nothing about who else was issued one.
 */
public final class BitstringStatusList {

    public static final int MINIMUM_ENTRIES = 131_072;
    /** Refused beyond this many decompressed bytes: a hostile list cannot exhaust memory. */
    static final int MAXIMUM_BYTES = 16 * 1024 * 1024;

    private final byte[] bits;

    private BitstringStatusList(byte[] bits) {
        this.bits = bits;
    }

    public static BitstringStatusList empty() {
        return new BitstringStatusList(new byte[MINIMUM_ENTRIES / 8]);
    }

    public static BitstringStatusList of(byte[] bits) {
        if (bits.length < MINIMUM_ENTRIES / 8) {
            throw new IllegalArgumentException("a status list holds at least " + MINIMUM_ENTRIES + " entries");
        }
        return new BitstringStatusList(bits.clone());
    }

    /** Decodes an {@code encodedList}; throws IllegalArgumentException naming what is wrong. */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList must be multibase base64url (starting with 'u')");
        }
        byte[] compressed;
        try {
            compressed = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                if (out.size() > MAXIMUM_BYTES) {
                    throw new IllegalArgumentException("encodedList expands beyond " + MAXIMUM_BYTES + " bytes");
                }
            }
            return of(out.toByteArray());
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data");
        }
    }

    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    public int size() {
        return bits.length * 8;
    }

    public boolean isSet(int index) {
        check(index);
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    public BitstringStatusList with(int index, boolean set) {
        check(index);
        byte[] copy = bits.clone();
        copy[index / 8] =
                (byte) (set ? copy[index / 8] | (0x80 >>> (index % 8)) : copy[index / 8] & ~(0x80 >>> (index % 8)));
        return new BitstringStatusList(copy);
    }

    public byte[] bytes() {
        return bits.clone();
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IllegalArgumentException(
                    "status index " + index + " is outside the list (0.." + (size() - 1) + ")");
        }
    }
}
