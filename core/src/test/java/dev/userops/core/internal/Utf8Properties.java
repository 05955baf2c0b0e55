package dev.userops.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** {@link Utf8#decode} accepts exactly what the JDK's strict decoder accepts, and decodes it alike. */
class Utf8Properties {
  @Property(tries = 5000)
  void decodeAgreesWithTheJdksStrictDecoder(@ForAll("bytes") byte[] bytes) {
    String strict;
    try {
      strict = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      strict = null;
    }
    assertThat(Utf8.decode(new String(bytes, StandardCharsets.ISO_8859_1))).isEqualTo(strict);
  }

  /**
   * A few pieces, each a byte at an edge of UTF-8's ranges followed by up to three bytes at the
   * edges of the continuation range: near-valid sequences, where validators go wrong.
   */
  @Provide
  Arbitrary<byte[]> bytes() {
    Arbitrary<Integer> lead = Arbitraries.of(0x00, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1,
        0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF);
    Arbitrary<Integer> continuation = Arbitraries.of(0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0);
    Arbitrary<List<Integer>> piece = Combinators.combine(lead, continuation.list().ofMaxSize(3))
        .as((first, rest) -> {
          List<Integer> bytes = new ArrayList<>();
          bytes.add(first);
          bytes.addAll(rest);
          return bytes;
        });
    return piece.list().ofMaxSize(4).map(pieces -> {
      byte[] bytes = new byte[pieces.stream().mapToInt(List::size).sum()];
      int i = 0;
      for (List<Integer> p : pieces) {
        for (int b : p) {
          bytes[i++] = (byte) b;
        }
      }
      return bytes;
    });
  }
}
