package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Binds records so that nothing of their JSON object is lost, and writes them back: the machinery
 * behind {@link ExtraFields}.
 *
 * <p>While a record's object is read, a frame on a per-thread stack collects the fields the record
 * does not declare ({@link #keepUnknown}) and the declared fields whose value could not be read
 * ({@link #keepUnreadable}); when the record is built and the frame is not empty, the record is
 * built again with the frame's fields as its {@code extraFields}. Only fields of the record's own
 * object go into its frame: a nested record has its own, and a value inside a typed list or map
 * cannot be kept under a name (an unreadable list element is dropped, as the records document).
 * Writing a record puts its extra fields back beside the declared ones, where a kept value replaces
 * the declared field of the same name (which then holds null or its default).
 */
final class RecordFields {
  /**
   * The records being bound on this thread. A thread-local stack, not a context attribute: the
   * attribute map Jackson makes per call costs more than the rest of this mechanism.
   */
  private static final ThreadLocal<Frames> FRAMES = ThreadLocal.withInitial(Frames::new);

  /** At most this many distinct undeclared field paths are counted per delivery. */
  private static final int MAX_PATHS = 1_000;

  private RecordFields() {}

  /** {@return a module that binds and writes every record with its extra fields} */
  static SimpleModule module(SchemaDrift drift) {
    SimpleModule module = new SimpleModule("voicehooks-extra-fields");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription desc,
              JsonDeserializer<?> deserializer) {
            Class<?> type = desc.getBeanClass();
            return type.isRecord() ? new Binder(deserializer, Shape.of(type), drift) : deserializer;
          }
        });
    module.setSerializerModifier(
        new BeanSerializerModifier() {
          @Override
          public List<BeanPropertyWriter> changeProperties(
              SerializationConfig config, BeanDescription desc, List<BeanPropertyWriter> writers) {
            Shape shape = desc.getBeanClass().isRecord() ? Shape.of(desc.getBeanClass()) : null;
            if (shape == null) {
              return writers;
            }
            List<BeanPropertyWriter> shadowable = new ArrayList<>(writers.size());
            for (BeanPropertyWriter writer : writers) {
              shadowable.add(new Shadowable(writer, shape));
            }
            return shadowable;
          }
        });
    return module;
  }

  /**
   * Keeps an undeclared field of the record being bound, if there is one; the parser is on the
   * field's value, which this consumes. Jackson buffers a record's undeclared fields and replays
   * them once the record is built, from a parser of its own, while the record's frame is still on
   * top: so the frame, not the parser, tells whose field it is.
   *
   * @return whether the field was kept (else the caller skips it)
   */
  static boolean keepUnknown(JsonParser p, DeserializationContext ctxt, String name)
      throws IOException {
    Frames frames = FRAMES.get();
    if (frames.depth == 0) {
      return false;
    }
    frames.name(name);
    // Read untyped, as FreeForm holds values; the record's constructor makes them immutable.
    frames.put(name, ctxt.readValue(p, Object.class));
    return true;
  }

  /**
   * Keeps a value that reads as null because it is not a valid value of its declared type, under
   * its field's name, if it is a member of the record being bound. The parser is on the value; a
   * container is consumed to its end.
   */
  static void keepUnreadable(JsonParser p, DeserializationContext ctxt) throws IOException {
    Frames frames = FRAMES.get();
    JsonStreamContext containing = Json.containing(p);
    if (frames.depth > 0 && containing == frames.objects[frames.depth - 1]) {
      String name = containing.getCurrentName();
      if (name != null) {
        frames.put(name, ctxt.readValue(p, Object.class));
      }
    }
  }

  /**
   * The records being bound on one thread, innermost on top: each one's object context and what it
   * collected (allocated only when there is something), and the undeclared fields met.
   */
  private static final class Frames {
    JsonStreamContext[] objects = new JsonStreamContext[8];

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Nullable Map<String, @Nullable Object>[] fields = new Map[8];

    int depth;
    @Nullable Set<String> paths;

    void push(JsonStreamContext object) {
      if (depth == objects.length) {
        objects = Arrays.copyOf(objects, depth * 2);
        fields = Arrays.copyOf(fields, depth * 2);
      }
      objects[depth++] = object;
    }

    @Nullable Map<String, @Nullable Object> pop() {
      depth--;
      Map<String, @Nullable Object> popped = fields[depth];
      fields[depth] = null;
      objects[depth] = null;
      return popped;
    }

    void put(String name, @Nullable Object value) {
      Map<String, @Nullable Object> top = fields[depth - 1];
      if (top == null) {
        top = new LinkedHashMap<>();
        fields[depth - 1] = top;
      }
      top.put(name, value);
    }

    void name(String field) {
      if (paths == null) {
        paths = new LinkedHashSet<>();
      }
      if (paths.size() < MAX_PATHS) {
        // A set: the same field of every element of a list is one path.
        paths.add(SchemaDrift.path(objects[depth - 1], field));
      }
    }
  }

  /** Wraps a record's deserializer: one frame per object bound. */
  private static final class Binder extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Shape shape;
    private final transient SchemaDrift drift;

    Binder(JsonDeserializer<?> delegate, @Nullable Shape shape, SchemaDrift drift) {
      super(delegate);
      this.shape = shape;
      this.drift = drift;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Binder(delegate, shape, drift);
    }

    @Override
    public @Nullable Object deserialize(JsonParser p, DeserializationContext ctxt)
        throws IOException {
      JsonToken token = p.currentToken();
      if (token != JsonToken.START_OBJECT
          && token != JsonToken.FIELD_NAME
          && token != JsonToken.END_OBJECT) {
        // Not an object: the value reads as null, and is kept by the enclosing record's frame.
        return _delegatee.deserialize(p, ctxt);
      }
      Frames frames = FRAMES.get();
      frames.push(p.getParsingContext());
      Object value;
      Map<String, @Nullable Object> fields;
      Set<String> paths = null;
      try {
        value = _delegatee.deserialize(p, ctxt);
      } finally {
        fields = frames.pop();
        if (frames.depth == 0) {
          paths = frames.paths;
          frames.paths = null;
        }
      }
      if (fields != null && value != null && shape != null) {
        value = shape.withExtraFields(value, fields);
      }
      if (paths != null) {
        drift.report(handledType(), paths);
      }
      return value;
    }
  }

  /** Skips a declared field whose name the record's extra fields hold. */
  private static final class Shadowable extends BeanPropertyWriter {
    private static final long serialVersionUID = 1L;

    private final transient Shape shape;

    Shadowable(BeanPropertyWriter writer, Shape shape) {
      super(writer);
      this.shape = shape;
    }

    @Override
    public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov)
        throws Exception {
      if (!shape.extraFields(bean).containsKey(getName())) {
        super.serializeAsField(bean, gen, prov);
      }
    }
  }

  /** A record with an {@link ExtraFields} component: how to read it and build a copy. */
  static final class Shape {
    private final Method[] accessors;
    private final Constructor<?> constructor;
    private final int extraFields;

    private Shape(Method[] accessors, Constructor<?> constructor, int extraFields) {
      this.accessors = accessors;
      this.constructor = constructor;
      this.extraFields = extraFields;
    }

    static @Nullable Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      int index = -1;
      Method[] accessors = new Method[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        if (components[i].isAnnotationPresent(ExtraFields.class)) {
          index = i;
        }
        accessors[i] = components[i].getAccessor();
        accessors[i].trySetAccessible();
        types[i] = components[i].getType();
      }
      if (index < 0) {
        return null;
      }
      try {
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.trySetAccessible();
        return new Shape(accessors, constructor, index);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("A record without its canonical constructor: " + type, e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, @Nullable Object> extraFields(Object record) {
      try {
        return (Map<String, @Nullable Object>) accessors[extraFields].invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }

    Object withExtraFields(Object record, Map<String, @Nullable Object> fields) {
      Object[] args = new Object[accessors.length];
      try {
        for (int i = 0; i < args.length; i++) {
          args[i] = accessors[i].invoke(record);
        }
        args[extraFields] = fields;
        return constructor.newInstance(args);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException) {
          throw (RuntimeException) e.getCause();
        }
        throw new IllegalStateException(e.getCause());
      } catch (IllegalAccessException | InstantiationException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
