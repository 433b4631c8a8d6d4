package io.voicehooks.testing;

import static io.voicehooks.testing.SampleJson.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What every sample builder shares: edits of the body by path, applied after the knobs, and {@link
 * #build()}. A subclass writes the body its knobs describe and says where the event type is.
 *
 * @param <B> the builder's own type, returned by the edit methods
 */
abstract class SampleBuilder<B extends SampleBuilder<B>> {
  private final Provider provider;
  private final String[] idPath;
  private final List<Edit> edits = new ArrayList<>();

  /**
   * Creates a builder of one provider's deliveries.
   *
   * @param provider the provider
   * @param idPath the dotted path of the id receivers de-duplicate on, read back from the body
   */
  SampleBuilder(Provider provider, String idPath) {
    this.provider = provider;
    this.idPath = idPath.split("\\.");
  }

  /** {@return the body the knobs describe, a new tree each time} */
  abstract ObjectNode tree();

  /** {@return the event type of a (possibly edited) body} */
  abstract String eventType(ObjectNode body);

  /** {@return the built sample, signed when the builder signs; unchanged by default} */
  Sample signed(Sample unsigned) {
    return unsigned;
  }

  /**
   * Sets the value at a path of the body, after every knob and in the order of the calls: {@code
   * set("data.status", "busy")}. Names are separated by dots; in an array a name of digits is an
   * index ({@code data.transcripts.0.role}), and the index one past the end appends. Objects
   * missing on the way are created. The value is written as given, of any JSON type, so a test can
   * send what the provider would not ({@code set("data.duration_sec", "125")}). The sample's event
   * type and id are read back from the edited body.
   *
   * @param path the dotted path, such as {@code data.post_call_analysis.sentiment}
   * @param value a {@code String}, {@code Number}, {@code Boolean}, {@code List} or {@code Map} (of
   *     these, keyed by strings), or null for JSON {@code null}
   * @return this builder
   * @throws IllegalArgumentException if the path has an empty name or the value another type
   */
  public final B set(String path, @Nullable Object value) {
    return edit(path, SampleJson.value(value));
  }

  /**
   * Sets the value at a path of the body to a piece of JSON text, as {@link #set(String, Object)}
   * does: {@code setRaw("data.transcripts.3", "{\"id\":\"t-004\",\"timestamp_ms\":9000}")}.
   *
   * @param path the dotted path
   * @param json one JSON value: an object, array, string, number, boolean or {@code null}
   * @return this builder
   * @throws IllegalArgumentException if the path has an empty name or the text is not one JSON
   *     value
   */
  public final B setRaw(String path, String json) {
    return edit(path, SampleJson.parse(require(json, "json")));
  }

  /**
   * Removes the field (or array element) at a path of the body, after every knob and in the order
   * of the calls: {@code remove("data.call_session_id")}.
   *
   * @param path the dotted path
   * @return this builder
   * @throws IllegalArgumentException if the path has an empty name
   */
  public final B remove(String path) {
    return edit(path, null);
  }

  /**
   * Returns the delivery: the body the knobs describe, then every {@code set}, {@code setRaw} and
   * {@code remove} in order.
   *
   * @return the delivery
   * @throws IllegalStateException if an edit's path does not fit the body: it goes through a value
   *     that is not an object or array, indexes past the end of an array, or removes what is not
   *     there
   */
  public final Sample build() {
    ObjectNode body = tree();
    for (Edit edit : edits) {
      edit.applyTo(body);
    }
    return signed(
        Sample.json(
            provider, eventType(body), SampleJson.text(body, idPath), SampleJson.bytes(body)));
  }

  @SuppressWarnings("unchecked") // B is the subclass's own type
  private B edit(String path, @Nullable JsonNode value) {
    edits.add(new Edit(require(path, "path"), value));
    return (B) this;
  }

  /** One {@code set} (a value) or {@code remove} (no value) at a dotted path. */
  private static final class Edit {
    private final String path;
    private final String[] names;
    private final @Nullable JsonNode value;

    Edit(String path, @Nullable JsonNode value) {
      this.path = path;
      this.names = path.split("\\.", -1);
      for (String name : names) {
        if (name.isEmpty()) {
          throw new IllegalArgumentException("path has an empty name: \"" + path + "\"");
        }
      }
      this.value = value;
    }

    void applyTo(ObjectNode root) {
      JsonNode parent = root;
      int last = names.length - 1;
      for (int i = 0; i < last; i++) {
        JsonNode child = child(parent, i);
        if (child == null) {
          if (value == null) {
            throw misfit("there is nothing at " + prefix(i + 1));
          }
          child =
              parent instanceof ObjectNode
                  ? ((ObjectNode) parent).putObject(names[i])
                  : ((ArrayNode) parent).addObject();
        }
        parent = child;
      }
      JsonNode current = child(parent, last);
      if (value == null) {
        if (current == null) {
          throw misfit("there is nothing at " + path);
        }
        if (parent instanceof ObjectNode) {
          ((ObjectNode) parent).remove(names[last]);
        } else {
          ((ArrayNode) parent).remove(index(parent, last));
        }
      } else if (parent instanceof ObjectNode) {
        ((ObjectNode) parent).set(names[last], value.deepCopy());
      } else if (current != null) {
        ((ArrayNode) parent).set(index(parent, last), value.deepCopy());
      } else {
        ((ArrayNode) parent).add(value.deepCopy());
      }
    }

    /**
     * Returns the child named {@code names[i]} of an object or array, or null when it is missing
     * (in an array: the index is one past the end).
     */
    private @Nullable JsonNode child(JsonNode parent, int i) {
      if (parent instanceof ObjectNode) {
        return parent.get(names[i]);
      }
      if (parent instanceof ArrayNode) {
        return parent.get(index(parent, i)); // null one past the end
      }
      throw misfit(prefix(i) + " is not an object or array");
    }

    /** {@return {@code names[i]} as an index into an array, at most one past its end} */
    private int index(JsonNode array, int i) {
      String name = names[i];
      if (!name.chars().allMatch(c -> c >= '0' && c <= '9') || name.length() > 9) {
        throw misfit(prefix(i) + " is an array: \"" + name + "\" is not an index");
      }
      int index = Integer.parseInt(name);
      if (index > array.size()) {
        throw misfit(
            prefix(i) + " has " + array.size() + " elements: index " + index + " is past the end");
      }
      return index;
    }

    /** {@return the path up to, not including, {@code names[i]}; "the body" for none} */
    private String prefix(int i) {
      return i == 0 ? "the body" : String.join(".", List.of(names).subList(0, i));
    }

    private IllegalStateException misfit(String why) {
      return new IllegalStateException(
          (value == null ? "remove(\"" : "set(\"") + path + "\") does not fit: " + why);
    }
  }
}
