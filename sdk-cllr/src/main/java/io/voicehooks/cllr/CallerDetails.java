package io.voicehooks.cllr;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voicehooks.core.internal.ExtraFields;
import io.voicehooks.core.internal.FreeForm;
import io.voicehooks.core.internal.ToString;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What cllr's AI extracted about the caller during the call. cllr documents every field as a string
 * (including {@code age}) and says nothing of formats or which fields are sent, so each is the
 * string as sent, or null when absent or not a scalar; a number or boolean is kept as its text.
 * {@link #scheduledTimeAsInstant()} and {@link #ageAsInteger()} read the two fields that often hold
 * machine-readable values.
 *
 * <p>Every field describes the caller, so {@link #toString()} shows each one only by its length
 * (null when not sent); the accessors and {@link #asMap()} return the values.
 *
 * @param name the caller's name
 * @param phoneNumber the caller's phone number, in whatever format was extracted
 * @param email the caller's email address
 * @param scheduledTime the time of an appointment or callback, as sent (the documented example is
 *     an ISO-8601 instant, {@code 2025-01-20T10:00:00Z}; free text is possible)
 * @param address the caller's street address
 * @param pincode the caller's postal (PIN) code
 * @param city the caller's city
 * @param state the caller's state or region
 * @param country the caller's country
 * @param age the caller's age, as sent
 * @param gender the caller's gender
 * @param occupation the caller's occupation
 * @param company the caller's company
 * @param preferredContactMethod how the caller prefers to be contacted, such as {@code Email}
 * @param bestTimeToCall when the caller prefers to be called, usually free text
 * @param language the language the caller spoke or prefers, such as {@code English}
 * @param extraFields the fields of the object that this record does not declare, and declared
 *     fields whose value could not be read as their type, as sent: free-form values under their
 *     wire names (unmodifiable, empty when there are none)
 */
public record CallerDetails(
    @JsonProperty("name") @Nullable String name,
    @JsonProperty("phoneNumber") @Nullable String phoneNumber,
    @JsonProperty("email") @Nullable String email,
    @JsonProperty("scheduledTime") @Nullable String scheduledTime,
    @JsonProperty("address") @Nullable String address,
    @JsonProperty("pincode") @Nullable String pincode,
    @JsonProperty("city") @Nullable String city,
    @JsonProperty("state") @Nullable String state,
    @JsonProperty("country") @Nullable String country,
    @JsonProperty("age") @Nullable String age,
    @JsonProperty("gender") @Nullable String gender,
    @JsonProperty("occupation") @Nullable String occupation,
    @JsonProperty("company") @Nullable String company,
    @JsonProperty("preferredContactMethod") @Nullable String preferredContactMethod,
    @JsonProperty("bestTimeToCall") @Nullable String bestTimeToCall,
    @JsonProperty("language") @Nullable String language,
    @ExtraFields Map<String, @Nullable Object> extraFields) {
  /**
   * Creates the record, copying the extra fields.
   *
   * @param name see {@link #name()}
   * @param phoneNumber see {@link #phoneNumber()}
   * @param email see {@link #email()}
   * @param scheduledTime see {@link #scheduledTime()}
   * @param address see {@link #address()}
   * @param pincode see {@link #pincode()}
   * @param city see {@link #city()}
   * @param state see {@link #state()}
   * @param country see {@link #country()}
   * @param age see {@link #age()}
   * @param gender see {@link #gender()}
   * @param occupation see {@link #occupation()}
   * @param company see {@link #company()}
   * @param preferredContactMethod see {@link #preferredContactMethod()}
   * @param bestTimeToCall see {@link #bestTimeToCall()}
   * @param language see {@link #language()}
   * @param extraFields the fields not declared, or null for none; copied deeply
   */
  public CallerDetails {
    extraFields = FreeForm.copyOf(extraFields);
  }

  /** Whole years, optionally written with a zero fraction ({@code 34.0}) as a JSON number gives. */
  private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}(?:\\.0+)?");

  /** Longer than any ISO-8601 date-time with offset and zone id; longer text is not one. */
  private static final int MAX_DATE_TIME_LENGTH = 80;

  /**
   * Returns {@link #scheduledTime()} as an instant, when it names one unambiguously: an ISO-8601
   * date-time with {@code Z} or an offset ({@code 2025-01-20T10:00:00Z}, {@code
   * 2025-01-20T15:30:00+05:30}, optionally followed by a {@code [zone]}). A local date-time without
   * an offset, a date alone or free text ({@code tomorrow at 3}) gives null, since its time zone is
   * unknown; the raw string stays in {@link #scheduledTime()}.
   *
   * @return the instant, or null when absent or not an unambiguous ISO-8601 date-time
   */
  public @Nullable Instant scheduledTimeAsInstant() {
    if (scheduledTime == null) {
      return null;
    }
    String text = scheduledTime.trim();
    if (text.isEmpty() || text.length() > MAX_DATE_TIME_LENGTH) {
      return null;
    }
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
      ZoneOffset offset = parsed.query(TemporalQueries.offset());
      // The written offset decides the instant; a zone id alone would leave DST gaps ambiguous.
      return offset == null ? null : LocalDateTime.from(parsed).toInstant(offset);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Returns {@link #age()} as a number of years, when it is a whole non-negative number such as
   * {@code 34} (surrounding spaces and a zero fraction such as {@code 34.0} are accepted). Text
   * such as {@code thirty} or {@code 30-35} gives null; the raw string stays in {@link #age()}.
   *
   * @return the age in years, or null when absent or not a whole number
   */
  public @Nullable Integer ageAsInteger() {
    if (age == null) {
      return null;
    }
    String text = age.trim();
    if (!WHOLE_NUMBER.matcher(text).matches()) {
      return null;
    }
    int dot = text.indexOf('.');
    return Integer.valueOf(dot < 0 ? text : text.substring(0, dot));
  }

  /**
   * Returns the fields that were sent, keyed by their wire names ({@code phoneNumber}, {@code
   * pincode}, ...) in the documented order: for storing the details as they came, or for
   * correlation with a CRM. Fields cllr does not document (what an agent was told to extract beyond
   * them) are in {@link #extraFields()}.
   *
   * @return an unmodifiable map of the non-null declared fields
   */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    putIfPresent(map, "name", name);
    putIfPresent(map, "phoneNumber", phoneNumber);
    putIfPresent(map, "email", email);
    putIfPresent(map, "scheduledTime", scheduledTime);
    putIfPresent(map, "address", address);
    putIfPresent(map, "pincode", pincode);
    putIfPresent(map, "city", city);
    putIfPresent(map, "state", state);
    putIfPresent(map, "country", country);
    putIfPresent(map, "age", age);
    putIfPresent(map, "gender", gender);
    putIfPresent(map, "occupation", occupation);
    putIfPresent(map, "company", company);
    putIfPresent(map, "preferredContactMethod", preferredContactMethod);
    putIfPresent(map, "bestTimeToCall", bestTimeToCall);
    putIfPresent(map, "language", language);
    return Collections.unmodifiableMap(map);
  }

  private static void putIfPresent(Map<String, String> map, String key, @Nullable String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Shows each field only by its length: every one describes the caller. */
  @Override
  public String toString() {
    return ToString.of(this)
        .redact("name", name)
        .redact("phoneNumber", phoneNumber)
        .redact("email", email)
        .redact("scheduledTime", scheduledTime)
        .redact("address", address)
        .redact("pincode", pincode)
        .redact("city", city)
        .redact("state", state)
        .redact("country", country)
        .redact("age", age)
        .redact("gender", gender)
        .redact("occupation", occupation)
        .redact("company", company)
        .redact("preferredContactMethod", preferredContactMethod)
        .redact("bestTimeToCall", bestTimeToCall)
        .redact("language", language)
        .redact("extraFields", extraFields)
        .toString();
  }
}
