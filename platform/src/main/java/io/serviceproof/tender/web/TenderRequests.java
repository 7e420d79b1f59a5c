package io.serviceproof.tender.web;

import io.serviceproof.common.InvalidInputException;
import io.serviceproof.tender.Tenders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.multipart.MultipartFile;

/** An import request from the form or the API: a file, or pasted text, never both. */
final class TenderRequests {

    private TenderRequests() {}

    static Tenders.NewTender of(String title, String buyer, String offeringId, MultipartFile file, String text) {
        boolean hasFile = file != null && !file.isEmpty();
        boolean hasText = text != null && !text.isBlank();
        if (hasFile && hasText) {
            throw new InvalidInputException("file", "either a file or pasted text, not both");
        }
        if (!hasFile && !hasText) {
            throw new InvalidInputException("file", "choose an XLSX or CSV file, or paste the clauses");
        }
        try {
            return hasFile
                    ? new Tenders.NewTender(title, buyer, offeringId, file.getOriginalFilename(), file.getBytes())
                    : new Tenders.NewTender(title, buyer, offeringId, null, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
