package io.voicehooks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keys are stored as themselves up to exactly the index's limit, and digested past it. */
final class SqlEdgeTest {
  @Test
  void storedKey_keepsKeysOfUpToTheLimitAndDigestsLongerOnes() {
    String longest = "k".repeat(Sql.MAX_STORED_KEY_LENGTH);
    assertThat(Sql.storedKey(longest)).isEqualTo(longest);
    String tooLong = longest + "k";
    assertThat(Sql.storedKey(tooLong)).startsWith("sha256:").isNotEqualTo(tooLong);
    assertThat(Sql.storedKey(tooLong)).isEqualTo(Sql.storedKey(longest + "k"));
  }
}
