package io.serviceproof.ingest.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.Phrase;
import io.serviceproof.ingest.CsvMapping;
import io.serviceproof.ingest.EventImport;
import io.serviceproof.ingest.EventImports;
import java.util.List;
import java.util.Locale;
import org.springframework.web.multipart.MultipartFile;

/** What the import form and the import API send, read the same way. */
final class EventImportRequests {

    private EventImportRequests() {}

    static EventImports.NewImport of(
            MultipartFile file,
            String name,
            String format,
            String onBadLine,
            String occurredAtColumn,
            String eventIdColumn,
            String typeColumn,
            String type,
            String serviceLayerColumn,
            String serviceLayerId,
            List<String> payloadColumns) {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", Phrase.of("error.import.empty"));
        }
        String fileName = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        EventImport.Format chosen;
        try {
            chosen = format == null || format.isBlank()
                    ? (fileName.toLowerCase(Locale.ROOT).endsWith(".csv")
                            ? EventImport.Format.CSV
                            : EventImport.Format.JSONL)
                    : EventImport.Format.fromToken(format.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", Phrase.of("error.import.format"));
        }
        EventImport.OnBadLine mode;
        try {
            mode = onBadLine == null || onBadLine.isBlank()
                    ? EventImport.OnBadLine.REFUSE_FILE
                    : EventImport.OnBadLine.fromToken(onBadLine.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("onBadLine", Phrase.of("error.import.on-bad-line"));
        }
        CsvMapping mapping = chosen == EventImport.Format.CSV
                ? new CsvMapping(
                        occurredAtColumn,
                        eventIdColumn,
                        typeColumn,
                        type,
                        serviceLayerColumn,
                        serviceLayerId,
                        payloadColumns == null
                                ? List.of()
                                : payloadColumns.stream()
                                        .flatMap(c -> java.util.Arrays.stream(c.split(",")))
                                        .toList())
                : null;
        return new EventImports.NewImport(name == null || name.isBlank() ? fileName : name, chosen, mode, mapping);
    }
}
