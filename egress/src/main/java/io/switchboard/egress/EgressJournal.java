package io.switchboard.egress;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import io.switchboard.egress.record.RecordingFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import livekit.LivekitEgress.EgressInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small JSON file per egress ({@code <egress_id>.json}): its EgressInfo, the local file and its
 * format. Rewritten (atomically) at every state change, so after a crash the server knows which
 * recordings were unfinished and where they are.
 */
final class EgressJournal {
  private static final Logger log = LoggerFactory.getLogger(EgressJournal.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  record Entry(EgressInfo info, Path localFile, RecordingFormat format) {}

  private final Path directory;

  EgressJournal(Path directory) {
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  void save(Entry entry) {
    try {
      Files.createDirectories(directory);
      ObjectNode node = JSON.createObjectNode();
      node.put("local_file", entry.localFile().toString());
      node.put("format", entry.format().name());
      node.set("info", JSON.readTree(JsonFormat.printer().preservingProtoFieldNames().print(entry.info())));
      Path target = directory.resolve(entry.info().getEgressId() + ".json");
      Path temp = directory.resolve(entry.info().getEgressId() + ".json.tmp");
      Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the egress journal in " + directory, e);
    }
  }

  /** Every egress on record; unreadable entries are logged and skipped. */
  List<Entry> load() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try {
          var node = JSON.readTree(f.toFile());
          EgressInfo.Builder info = EgressInfo.newBuilder();
          JsonFormat.parser().ignoringUnknownFields().merge(node.get("info").toString(), info);
          entries.add(new Entry(info.build(), Path.of(node.get("local_file").asText()),
              RecordingFormat.valueOf(node.get("format").asText())));
        } catch (IOException | RuntimeException e) {
          log.warn("skipping unreadable egress journal entry {}: {}", f, e.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the egress journal in " + directory, e);
    }
    return entries;
  }

}
