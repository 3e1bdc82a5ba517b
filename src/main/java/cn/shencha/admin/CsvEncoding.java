package cn.shencha.admin;

import cn.shencha.base.web.ShenchaException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The two encodings the registration system's exports come in: UTF-8 (with or without a byte-order mark) and
 * GBK (Excel on a Chinese Windows). "auto" takes UTF-8 when the bytes are valid UTF-8, GBK otherwise: Chinese
 * text in GBK is practically never valid UTF-8. GBK is decoded as GB18030, its superset.
 */
public enum CsvEncoding {
    AUTO, UTF_8, GBK;

    static final Charset GB18030 = Charset.forName("GB18030");

    public record Decoded(String text, CsvEncoding encoding) {
    }

    public static CsvEncoding of(String name) {
        if (name == null || name.isBlank()) {
            return AUTO;
        }
        return switch (name.strip().toUpperCase(Locale.ROOT).replace('-', '_')) {
            case "AUTO" -> AUTO;
            case "UTF_8", "UTF8" -> UTF_8;
            case "GBK", "GB2312", "GB18030", "CP936" -> GBK;
            default -> throw ShenchaException.badRequest("IMPORT_ENCODING_UNKNOWN", name);
        };
    }

    public String label() {
        return switch (this) {
            case AUTO -> "auto";
            case UTF_8 -> "UTF-8";
            case GBK -> "GBK";
        };
    }

    /** The text of the file (without a byte-order mark) and the encoding it was read in. */
    public Decoded decode(byte[] bytes) {
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
        return switch (this) {
            case UTF_8 -> new Decoded(strict(bytes, bom ? 3 : 0, StandardCharsets.UTF_8, UTF_8), UTF_8);
            case GBK -> new Decoded(strict(bytes, 0, GB18030, GBK), GBK);
            case AUTO -> {
                if (bom) {
                    yield UTF_8.decode(bytes);
                }
                try {
                    yield new Decoded(decodeOrThrow(bytes, 0, StandardCharsets.UTF_8), UTF_8);
                } catch (CharacterCodingException notUtf8) {
                    yield GBK.decode(bytes);
                }
            }
        };
    }

    private static String strict(byte[] bytes, int offset, Charset charset, CsvEncoding encoding) {
        try {
            return decodeOrThrow(bytes, offset, charset);
        } catch (CharacterCodingException e) {
            throw ShenchaException.badRequest("IMPORT_ENCODING_INVALID", encoding.label());
        }
    }

    private static String decodeOrThrow(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
    }
}
