package io.serviceproof.verifier.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.serviceproof.verifier.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** RFC 8785 against the cyberphone reference vectors, plus number formatting properties. */
class JcsVectorsTests {

    private static final Path DATA = TestVectors.root().resolve("cyberphone-json-canonicalization/testdata");

    @TestFactory
    Stream<DynamicTest> everyInputCanonicalizesToItsOutputByteForByte() throws Exception {
        try (Stream<Path> inputs = Files.list(DATA.resolve("input"))) {
            List<Path> files = inputs.sorted().toList();
            assertThat(files).hasSize(6);
            return files.stream()
                    .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                        String name = input.getFileName().toString();
                        byte[] canonical = Json.canonicalBytes(Files.readString(input, StandardCharsets.UTF_8));
                        assertThat(new String(canonical, StandardCharsets.UTF_8))
                                .isEqualTo(
                                        Files.readString(DATA.resolve("output").resolve(name), StandardCharsets.UTF_8)
                                                .stripTrailing());
                        String hex = Files.readString(DATA.resolve("outhex").resolve(name.replace(".json", ".txt")))
                                .replaceAll("\\s", "");
                        assertThat(HexFormat.of().formatHex(canonical)).isEqualTo(hex);
                    }));
        }
    }

    @Test
    void numbersAreFormattedAsJavaScriptDoes() throws JsonException {
        assertThat(EcmaNumbers.format(-0.0)).isEqualTo("0");
        assertThat(EcmaNumbers.format(1e21)).isEqualTo("1e+21");
        assertThat(EcmaNumbers.format(1e20)).isEqualTo("100000000000000000000");
        assertThat(EcmaNumbers.format(123456789012345680000.0)).isEqualTo("123456789012345680000");
        assertThat(EcmaNumbers.format(0.000001)).isEqualTo("0.000001");
        assertThat(EcmaNumbers.format(1e-7)).isEqualTo("1e-7");
        assertThat(EcmaNumbers.format(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(EcmaNumbers.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(EcmaNumbers.format(9007199254740992.0)).isEqualTo("9007199254740992");
        assertThat(EcmaNumbers.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(EcmaNumbers.format(-1.5e-9)).isEqualTo("-1.5e-9");
        // Java 17's Double.toString prints these as 1.9999999999999998E23 and 9.999999999999999E22.
        assertThat(EcmaNumbers.format(2e23)).isEqualTo("2e+23");
        assertThat(EcmaNumbers.format(1e23)).isEqualTo("1e+23");
        assertThat(EcmaNumbers.format(Math.nextUp(1e23))).isEqualTo("1.0000000000000001e+23");
    }

    @Test
    void randomDoublesGetTheShortestDigitsThatReadBackExactly() throws JsonException {
        Random random = new Random(8785);
        for (int i = 0; i < 50_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String text = EcmaNumbers.format(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value == 0 ? 0.0 : value);
            String digits = text.replaceFirst("^-", "")
                    .replaceFirst("e.*$", "")
                    .replace(".", "")
                    .replaceFirst("^0+", "")
                    .replaceFirst("0+$", "");
            double abs = Math.abs(value);
            if (digits.length() > 1 && abs > 1e-300 && abs < 1e300) {
                // No decimal with one digit fewer reads back as the same double.
                java.math.BigDecimal shorter = new java.math.BigDecimal(abs)
                        .round(new java.math.MathContext(digits.length() - 1, java.math.RoundingMode.HALF_EVEN));
                assertThat(shorter.doubleValue()).as("%s is not shortest", text).isNotEqualTo(abs);
            }
        }
    }

    @Test
    void decimalsWithFewDigitsAreFormattedShortestToo() throws JsonException {
        // Values like sensor readings: few significant digits, where the fast path applies.
        Random random = new Random(8786);
        for (int i = 0; i < 50_000; i++) {
            int digits = 1 + random.nextInt(15);
            long mantissa = Math.abs(random.nextLong()) % (long) Math.pow(10, digits);
            double value = mantissa / Math.pow(10, random.nextInt(30)) * Math.pow(10, random.nextInt(10));
            String text = EcmaNumbers.format(value);
            assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
            String significant = text.replaceFirst("e.*$", "")
                    .replace(".", "")
                    .replaceFirst("^0+", "")
                    .replaceFirst("0+$", "");
            if (value > 1e-300 && significant.length() > 1) {
                java.math.BigDecimal shorter = new java.math.BigDecimal(value)
                        .round(new java.math.MathContext(significant.length() - 1, java.math.RoundingMode.HALF_EVEN));
                assertThat(shorter.doubleValue()).as("%s is not shortest", text).isNotEqualTo(value);
            }
        }
        assertThat(EcmaNumbers.format(41.5)).isEqualTo("41.5");
        assertThat(EcmaNumbers.format(0.1)).isEqualTo("0.1");
        assertThat(EcmaNumbers.format(1e-7)).isEqualTo("1e-7");
    }

    @Test
    void whatIJsonForbidsIsRejected() {
        for (String bad : List.of(
                "{\"a\":1,\"a\":2}",
                "[1,]",
                "{\"a\" 1}",
                "01",
                "1.",
                ".5",
                "1e",
                "\"\\ud800\"",
                "\"tab\there\"",
                "[1] 2",
                "1e400",
                "NaN",
                "{'a':1}",
                "\"\\x41\"",
                "[".repeat(300) + "]".repeat(300))) {
            assertThatThrownBy(() -> Json.canonicalize(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void valuesBuiltInJavaSerializeCanonically() throws JsonException {
        var value = new java.util.LinkedHashMap<String, Object>();
        value.put("z", List.of(1, 2.5, "x", Json.NULL, true));
        value.put("a", java.util.Map.of("\u20ac", 1, "\r", 2));
        assertThat(Json.canonical(value)).isEqualTo("{\"a\":{\"\\r\":2,\"\u20ac\":1},\"z\":[1,2.5,\"x\",null,true]}");
        assertThatThrownBy(() -> Json.canonical(java.util.Collections.singletonMap("a", null)))
                .isInstanceOf(JsonException.class);
    }

    /**
     * Strings built in Java (every log entry's) are written as UTF-8 with exactly RFC 8785's
     * escapes: checked against a plain reference on seeded random strings of ASCII, control
     * characters, two- and three-byte characters and surrogate pairs, in objects of random size.
     */
    @Test
    void javaStringsAndObjectsAreWrittenAsTheReferenceWritesThem() throws JsonException {
        Random random = new Random(8785);
        for (int round = 0; round < 2_000; round++) {
            java.util.Map<String, Object> object = new java.util.HashMap<>();
            int members = random.nextInt(12);
            for (int m = 0; m < members; m++) {
                object.put(randomString(random), random.nextBoolean() ? randomString(random) : (long) random.nextInt());
            }
            byte[] canonical = Json.canonicalBytesOf(object);
            assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo(reference(object));
            assertThat(Json.canonicalBytes(new String(canonical, StandardCharsets.UTF_8)))
                    .as("canonical output is its own canonical form")
                    .isEqualTo(canonical);
        }
    }

    @Test
    void aLoneSurrogateIsRefusedRatherThanReplaced() {
        assertThatThrownBy(() -> Json.canonical(List.of("a\ud800b"))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.canonical(List.of("\udc00"))).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.canonical(List.of("end\ud83d"))).isInstanceOf(JsonException.class);
    }

    private static String randomString(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x780)));
                case 2 ->
                    text.append((char)
                            (random.nextBoolean()
                                    ? 0x800 + random.nextInt(0xd800 - 0x800)
                                    : 0xe000 + random.nextInt(0x2000)));
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
                case 4 -> text.append(random.nextBoolean() ? '"' : '\\');
                default -> text.append((char) (0x20 + random.nextInt(0x60)));
            }
        }
        return text.toString();
    }

    /** RFC 8785 written out the slow, obvious way. */
    private static String reference(java.util.Map<String, Object> object) {
        StringBuilder out = new StringBuilder("{");
        object.keySet().stream().sorted().forEach(name -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(referenceString(name)).append(':');
            Object value = object.get(name);
            out.append(value instanceof String text ? referenceString(text) : value.toString());
        });
        return out.append('}').toString();
    }

    private static String referenceString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
