import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the mutation score of each class in a PIT mutations.xml, and fails when a class is below
 * its minimum. PIT's own threshold is one number per module; this holds each class to its own.
 *
 * <pre>
 * java scripts/MutationScores.java sdk-core/target/pit-reports/mutations.xml \
 *     io.voicehooks.core.SvixSignatureVerifier=85 ...
 * </pre>
 *
 * <p>A class's score counts its nested classes; killed means KILLED, TIMED_OUT, MEMORY_ERROR or
 * RUN_ERROR (as PIT counts them); NO_COVERAGE counts as survived.
 */
public final class MutationScores {
  private MutationScores() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: MutationScores <mutations.xml> [class=minimum%]...");
      System.exit(2);
    }
    Path report = Path.of(args[0]);
    if (!Files.isRegularFile(report)) {
      System.err.println("No PIT report at " + report);
      System.exit(2);
    }
    Map<String, Integer> minimums = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      minimums.put(pair[0], Integer.parseInt(pair[1]));
    }
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList mutations =
        factory.newDocumentBuilder().parse(report.toFile()).getElementsByTagName("mutation");
    Map<String, int[]> byClass = new TreeMap<>(); // {killed, total}
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String mutated = mutation.getElementsByTagName("mutatedClass").item(0).getTextContent();
      String top = mutated.split("\\$", 2)[0];
      String status = mutation.getAttribute("status");
      int[] counts = byClass.computeIfAbsent(top, k -> new int[2]);
      counts[1]++;
      if (status.equals("KILLED")
          || status.equals("TIMED_OUT")
          || status.equals("MEMORY_ERROR")
          || status.equals("RUN_ERROR")) {
        counts[0]++;
      }
    }
    boolean failed = false;
    for (Map.Entry<String, int[]> entry : byClass.entrySet()) {
      int killed = entry.getValue()[0];
      int total = entry.getValue()[1];
      int percent = (int) Math.floor(100.0 * killed / total);
      Integer minimum = minimums.remove(entry.getKey());
      String verdict = "";
      if (minimum != null) {
        boolean below = percent < minimum;
        failed |= below;
        verdict = below ? "  BELOW the minimum of " + minimum + "%" : "  (minimum " + minimum + "%)";
      }
      System.out.printf(
          "%-55s %3d/%-3d killed = %3d%%%s%n", entry.getKey(), killed, total, percent, verdict);
    }
    for (String missing : minimums.keySet()) {
      System.out.println(missing + ": no mutants in the report (not mutated?)");
      failed = true;
    }
    if (failed) {
      System.exit(1);
    }
  }
}
