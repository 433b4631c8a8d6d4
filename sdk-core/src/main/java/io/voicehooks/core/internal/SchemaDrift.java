package io.voicehooks.core.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a provider's new fields visible without flooding the log: per delivery one DEBUG line
 * naming the undeclared fields (at most ten), and the first time a mapper meets a field path, one
 * INFO line. Field names come from the payload: they are escaped and capped ({@link
 * Json#printable}); values never appear.
 */
final class SchemaDrift {
  /** Paths named per delivery. */
  private static final int MAX_NAMED = 10;

  /** Distinct paths remembered per mapper; beyond, new paths are named at DEBUG only. */
  private static final int MAX_REMEMBERED = 1_000;

  /** Created on first use: parsing that logs nothing does not start SLF4J (start-up time). */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("io.voicehooks.core.json");
  }

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  /**
   * Reports the undeclared fields of one delivery.
   *
   * @param root the record bound
   * @param paths the fields' paths, each once
   */
  void report(Class<?> root, Set<String> paths) {
    String type = root.getSimpleName();
    Logger log = Log.LOG;
    List<String> named = new ArrayList<>(Math.min(paths.size(), MAX_NAMED));
    for (String path : paths) {
      if (named.size() == MAX_NAMED) {
        break;
      }
      named.add(path);
    }
    if (log.isDebugEnabled()) {
      int more = paths.size() - named.size();
      log.debug(
          "{} carried fields it does not declare, kept in extraFields(): {}{}",
          type,
          String.join(", ", named),
          more == 0 ? "" : " and " + more + " more");
    }
    if (seen.size() < MAX_REMEMBERED && log.isInfoEnabled()) {
      StringBuilder fresh = new StringBuilder();
      for (String path : named) {
        if (seen.size() < MAX_REMEMBERED && seen.add(type + ' ' + path)) {
          fresh.append(fresh.length() == 0 ? "" : ", ").append(path);
        }
      }
      if (fresh.length() > 0) {
        log.info(
            "First {} with fields VoiceHooks does not declare (kept in extraFields(); reported"
                + " once): {}",
            type,
            fresh);
      }
    }
  }

  /**
   * Names a field by its path from the root, with {@code []} for any array index, such as {@code
   * data.transcript[].tone}: one name per field however many elements carry it.
   *
   * @param context the context of the object that holds the field
   * @param field the field's name
   */
  static String path(JsonStreamContext context, String field) {
    String object = Json.path(context.getParent(), false);
    String name = Json.printable(field);
    return object.isEmpty() ? name : object + '.' + name;
  }
}
