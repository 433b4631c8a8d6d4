/** VoiceHooks on a relational database: a JDBC idempotency store and a durable inbox. */
module io.voicehooks.jdbc {
  requires transitive io.voicehooks.core;
  requires transitive java.sql;
  requires com.fasterxml.jackson.databind;
  requires org.slf4j;

  exports io.voicehooks.jdbc;
}
