package io.voicehooks.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class DigestsTest {
  @Test
  void fieldsDigest_isTheTruncatedSha256OfTheLengthPrefixedForm() {
    // sha256("transfer_type=4:warm;phone_number=-;"), first 32 hex characters
    assertThat(Digests.fieldsDigest("transfer_type", "warm", "phone_number", null))
        .isEqualTo("7a0ed81667f5e2a3c38c0e61006443a9");
  }

  @Test
  void fieldsDigest_sameValuesGiveTheSameDigest_anyChangedValueAnother() {
    String digest = Digests.fieldsDigest("a", "x", "b", "y");

    assertThat(Digests.fieldsDigest("a", "x", "b", "y")).isEqualTo(digest);
    assertThat(Digests.fieldsDigest("a", "x", "b", "z")).isNotEqualTo(digest);
    assertThat(Digests.fieldsDigest("a", "X", "b", "y")).isNotEqualTo(digest);
    assertThat(Digests.fieldsDigest("a", "x", "c", "y")).isNotEqualTo(digest);
  }

  @Test
  void fieldsDigest_tellsNullFromTextThatLooksLikeTheForm() {
    assertThat(Digests.fieldsDigest("a", null)).isNotEqualTo(Digests.fieldsDigest("a", "-"));
    assertThat(Digests.fieldsDigest("a", null)).isNotEqualTo(Digests.fieldsDigest("a", ""));
    // Without the length prefix both would read "a=…;b=…;".
    assertThat(Digests.fieldsDigest("a", "1;b=1:2", "b", null))
        .isNotEqualTo(Digests.fieldsDigest("a", "1", "b", "2"));
  }

  @Test
  void fieldsDigest_rejectsUnpairedArgumentsAndNullNames() {
    assertThatThrownBy(() -> Digests.fieldsDigest("a", "x", "b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Digests.fieldsDigest(null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sha256Hex_isLowerCaseHexOfTheUtf8Bytes() {
    assertThat(Digests.sha256Hex("{\"event\":\"x\"}"))
        .isEqualTo("ebc2c4ea03938ee05e18c1a712d9fa02de923d6f2db34b68fe1f8dcf651e479d");
  }
}
