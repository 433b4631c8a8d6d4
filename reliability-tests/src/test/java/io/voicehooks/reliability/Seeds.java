package io.voicehooks.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** The seed files of a fuzz target, {@code <Test>Inputs/<method>/} in the test resources. */
final class Seeds {
  private Seeds() {}

  /** {@return the names of the seeds of one target, sorted} */
  static List<String> names(Class<?> test, String method) {
    String dir = "/io/voicehooks/reliability/" + test.getSimpleName() + "Inputs/" + method;
    URL url = Objects.requireNonNull(test.getResource(dir), dir);
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@return one seed's bytes} */
  static byte[] read(Class<?> test, String method, String name) {
    return Payloads.resource(
        "/io/voicehooks/reliability/" + test.getSimpleName() + "Inputs/" + method + "/" + name);
  }
}
