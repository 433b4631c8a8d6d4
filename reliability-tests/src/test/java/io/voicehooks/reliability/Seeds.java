package io.voicehooks.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The seed files of a fuzz target, {@code <Test>Inputs/<method>/} on the test class path, where
 * Jazzer finds them too (it reads that directory recursively).
 */
final class Seeds {
  private Seeds() {}

  /** {@return the paths of the seeds of one target below its directory, sorted} */
  static List<String> names(Class<?> test, String method) {
    String dir = "/io/voicehooks/reliability/" + test.getSimpleName() + "Inputs/" + method;
    URL url = Objects.requireNonNull(test.getResource(dir), dir);
    Path root;
    try {
      root = Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace(File.separatorChar, '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@return one seed's bytes} */
  static byte[] read(Class<?> test, String method, String name) {
    return Payloads.resource(
        "/io/voicehooks/reliability/" + test.getSimpleName() + "Inputs/" + method + "/" + name);
  }
}
