package org.hospital.server.fuzz;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Requests built from a message's descriptor with values a careless or hostile client might send: empty,
 * boundary and random numbers, strings far over any limit, control characters, SQL and LIKE metacharacters,
 * unknown enum numbers, impossible dates and timestamps, long repeated fields; some fields left unset. The
 * same seed gives the same messages, so a failure names what reproduces it.
 */
final class RandomMessages {

  private static final int MAX_DEPTH = 4;
  private static final List<String> STRINGS = List.of("", " ", "a", "Smith", "smith%", "_", "\\", "' OR 1=1 --",
      "\u0000", "tab\there", "line\nbreak", "\u202Eevil", "😀😀😀", "ÅÄÖ ñ ç", "2026-13-45", "E11.9", "-1",
      "9223372036854775808", "penicillins", "lisinopril", "J20.9");
  private static final List<Long> NUMBERS = List.of(0L, 1L, -1L, 2L, 7L, 50L, 100L, 101L, 1000L,
      (long) Integer.MAX_VALUE, (long) Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 253402300800L);

  private final SplittableRandom random;
  private final List<Long> knownIds;

  /** {@code knownIds}: ids that exist in the server's data, so that some requests reach past the lookups. */
  RandomMessages(long seed, List<Long> knownIds) {
    this.random = new SplittableRandom(seed);
    this.knownIds = knownIds;
  }

  Message next(Message prototype) {
    return fill(prototype.newBuilderForType(), 0).build();
  }

  private Message.Builder fill(Message.Builder b, int depth) {
    for (FieldDescriptor f : b.getDescriptorForType().getFields()) {
      if (random.nextInt(4) == 0) {
        continue; // unset
      }
      if (f.isMapField()) {
        continue; // none in the contract today
      }
      if (f.isRepeated()) {
        int n = random.nextInt(8) == 0 ? 200 + random.nextInt(2000) : random.nextInt(4);
        for (int i = 0; i < n; i++) {
          Object v = value(b, f, depth);
          if (v != null) {
            b.addRepeatedField(f, v);
          }
        }
      } else {
        Object v = value(b, f, depth);
        if (v != null) {
          b.setField(f, v);
        }
      }
    }
    return b;
  }

  private Object value(Message.Builder parent, FieldDescriptor f, int depth) {
    return switch (f.getJavaType()) {
      case STRING -> string();
      case INT -> (int) number();
      case LONG -> number();
      case BOOLEAN -> random.nextBoolean();
      case FLOAT -> (float) random.nextDouble(-1e6, 1e6);
      case DOUBLE -> random.nextInt(10) == 0 ? Double.NaN : random.nextDouble(-1e9, 1e9);
      case BYTE_STRING -> ByteString.copyFrom(bytes(random.nextInt(64)));
      case ENUM -> enumValue(f.getEnumType());
      case MESSAGE -> depth >= MAX_DEPTH ? null
          : fill(parent.newBuilderForField(f), depth + 1).build();
    };
  }

  private String string() {
    return switch (random.nextInt(6)) {
      case 0 -> "x".repeat(List.of(65, 101, 129, 201, 301, 1001, 4001, 20_001).get(random.nextInt(8)));
      case 1 -> randomText(1 + random.nextInt(40));
      case 2 -> Long.toString(knownIds.get(random.nextInt(knownIds.size())));
      default -> STRINGS.get(random.nextInt(STRINGS.size()));
    };
  }

  private String randomText(int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int cp = random.nextInt(8) == 0 ? random.nextInt(0x20) : random.nextInt(0x20, 0x3000);
      if (Character.isSurrogate((char) cp)) {
        cp = 'x';
      }
      s.appendCodePoint(cp);
    }
    return s.toString();
  }

  private long number() {
    return switch (random.nextInt(4)) {
      case 0 -> knownIds.get(random.nextInt(knownIds.size()));
      case 1 -> random.nextLong(-5, 3000);
      default -> NUMBERS.get(random.nextInt(NUMBERS.size()));
    };
  }

  private Object enumValue(EnumDescriptor type) {
    if (random.nextInt(6) == 0) {
      return type.findValueByNumberCreatingIfUnknown(900 + random.nextInt(100));
    }
    return type.getValues().get(random.nextInt(type.getValues().size()));
  }

  /** A valid request cut short or with a byte flipped: what a broken client or link delivers. */
  byte[] damaged(Message message) {
    byte[] bytes = message.toByteArray();
    if (bytes.length == 0 || random.nextBoolean()) {
      return bytes(1 + random.nextInt(48));
    }
    byte[] copy = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
    if (copy.length > 0) {
      copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return copy;
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }
}
