package io.voicehooks.vaani;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicehooks.core.CallSummary.Role;
import io.voicehooks.core.CallSummary.Sentiment;
import io.voicehooks.core.CallSummary.Turn;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

final class TranscriptsTest {
  private static Turn user(String text) {
    return new Turn(Role.USER, text, null);
  }

  private static Turn agent(String text) {
    return new Turn(Role.AGENT, text, null);
  }

  @Test
  void split_webhookLabels_givesOneTurnPerLabel() {
    assertThat(Transcripts.split("User: Hello. Agent: Hi, how can I help you? User: Prices?"))
        .containsExactly(user("Hello."), agent("Hi, how can I help you?"), user("Prices?"));
  }

  @Test
  void split_restLabelsWithBlankLines_givesOneTurnPerLabel() {
    assertThat(Transcripts.split("AGENT: Hello, this is Vaani.\n\n USER: Hi.\n\n AGENT: Bye."))
        .containsExactly(agent("Hello, this is Vaani."), user("Hi."), agent("Bye."));
  }

  @Test
  void split_labelsInAnyCaseAfterAnyWhitespace_areRecognised() {
    assertThat(Transcripts.split("uSeR:one\tagent:two\nUSER:\r\nthree"))
        .containsExactly(user("one"), agent("two"), user("three"));
  }

  @Test
  void split_labelInsideAWord_isText() {
    assertThat(
            Transcripts.split(
                "User: I am the superuser: admin. Agent: Your useragent:x is fine, co-user: ok."))
        .containsExactly(
            user("I am the superuser: admin."), agent("Your useragent:x is fine, co-user: ok."));
  }

  @Test
  void split_wordsWithoutColon_areText() {
    assertThat(Transcripts.split("Agent: The user said the agent is great. User : no colon"))
        .containsExactly(agent("The user said the agent is great. User : no colon"));
  }

  @Test
  void split_noLabels_givesOneOtherTurn() {
    assertThat(Transcripts.split("  Transcript not found in Azure Blob Storage \n"))
        .containsExactly(new Turn(Role.OTHER, "Transcript not found in Azure Blob Storage", null));
  }

  @Test
  void split_textBeforeTheFirstLabel_isAnOtherTurn() {
    assertThat(Transcripts.split("[call connected] User: Hello."))
        .containsExactly(new Turn(Role.OTHER, "[call connected]", null), user("Hello."));
  }

  @Test
  void split_emptyTurns_areDropped() {
    assertThat(Transcripts.split("User: Agent: Hello? User:   \n\n Agent: Anyone there? User:"))
        .containsExactly(agent("Hello?"), agent("Anyone there?"));
  }

  @Test
  void split_multiLineTurn_keepsItsInnerLineBreaks() {
    assertThat(Transcripts.split("AGENT: Line one.\nLine two.\n\n USER: ok"))
        .containsExactly(agent("Line one.\nLine two."), user("ok"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\n "})
  void split_noTranscript_givesNoTurns(@Nullable String transcript) {
    assertThat(Transcripts.split(transcript)).isEmpty();
  }

  @Test
  void split_result_isUnmodifiable() {
    List<Turn> turns = Transcripts.split("User: hi");
    assertThat(turns).containsExactly(user("hi"));
    assertThatThrownBy(() -> turns.add(agent("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sentiment_readsASentimentLikeEntity() {
    assertThat(Transcripts.sentiment(Map.of("sentiment", "Positive")))
        .isEqualTo(Sentiment.POSITIVE);
    assertThat(Transcripts.sentiment(Map.of("Customer_Sentiment", " negative ")))
        .isEqualTo(Sentiment.NEGATIVE);
    Map<String, @Nullable Object> both = new LinkedHashMap<>();
    both.put("agent_sentiment", "positive");
    both.put("SENTIMENT", "neutral");
    assertThat(Transcripts.sentiment(both)).isEqualTo(Sentiment.NEUTRAL);
  }

  @Test
  void sentiment_withoutARecognisableEntity_isUnknown() {
    assertThat(Transcripts.sentiment(Map.of())).isEqualTo(Sentiment.UNKNOWN);
    assertThat(Transcripts.sentiment(Map.of("intent", "positive"))).isEqualTo(Sentiment.UNKNOWN);
    assertThat(Transcripts.sentiment(Map.of("sentiment", "happy"))).isEqualTo(Sentiment.UNKNOWN);
    assertThat(Transcripts.sentiment(Map.of("sentiment", 1))).isEqualTo(Sentiment.UNKNOWN);
    assertThat(Transcripts.sentiment(Map.of("sentiments", "positive")))
        .isEqualTo(Sentiment.UNKNOWN);
    Map<String, @Nullable Object> nullValue = new HashMap<>();
    nullValue.put("sentiment", null);
    assertThat(Transcripts.sentiment(nullValue)).isEqualTo(Sentiment.UNKNOWN);
  }
}
