package dev.userops.incentives.draw;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import org.junit.jupiter.api.Test;

/** The hand-written SipHash-2-4 against the paper's vector and Guava's implementation. */
class SipHashProperties {
  private static final long K0 = 0x0706050403020100L;
  private static final long K1 = 0x0f0e0d0c0b0a0908L;

  @Test
  void thePapersTestVector() {
    // Aumasson and Bernstein (2012), Appendix A: key 00..0f, message 00..0e, output a129ca6149be45e5.
    SipHash hasher = new SipHash().start(K0, K1);
    for (int b = 0; b < 15; b++) {
      hasher.putByte(b);
    }
    assertThat(hasher.finish()).isEqualTo(0xa129ca6149be45e5L);
  }

  @Test
  void everyLengthOfTheReferenceVectorsAgreesWithGuava() {
    // The reference implementation's vectors.h: message i is the bytes 00..(i-1), i < 64.
    for (int length = 0; length < 64; length++) {
      byte[] message = new byte[length];
      SipHash hasher = new SipHash().start(K0, K1);
      for (int b = 0; b < length; b++) {
        message[b] = (byte) b;
        hasher.putByte(b);
      }
      assertThat(hasher.finish()).as("length %s", length)
          .isEqualTo(Hashing.sipHash24(K0, K1).hashBytes(message).asLong());
    }
  }

  @Property
  void utf8StreamingEqualsGuavaOverTheEncodedBytes(@ForAll String prefix, @ForAll String s, @ForAll long k0,
      @ForAll long k1) {
    SipHash start = new SipHash().start(k0, k1).putUtf8(prefix).putByte(0);
    long ours = new SipHash().startFrom(start).putUtf8(s).finish();
    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] m = s.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[p.length + 1 + m.length];
    System.arraycopy(p, 0, all, 0, p.length);
    System.arraycopy(m, 0, all, p.length + 1, m.length);
    assertThat(ours).isEqualTo(Hashing.sipHash24(k0, k1).hashBytes(all).asLong());
  }

  @Property
  void surrogatesPairedOrLoneEncodeAsTheJdkDoes(
      @ForAll @Chars({'a', 'é', '€'}) @CharRange(from = '\uD800', to = '\uDFFF') char[] chars) {
    String s = new String(chars);
    long ours = new SipHash().start(K0, K1).putUtf8(s).finish();
    assertThat(ours).isEqualTo(Hashing.sipHash24(K0, K1).hashBytes(s.getBytes(StandardCharsets.UTF_8)).asLong());
  }
}
