package io.serviceproof.ingest.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.web.Phrases;
import io.serviceproof.ingest.EventImport;
import io.serviceproof.ingest.EventImports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import form on the Event sources page, and one import's page with its live progress. */
@Controller
class EventImportPageController {

    private final EventImports imports;
    private final EventSourcesPage sources;
    private final Phrases phrases;

    EventImportPageController(EventImports imports, EventSourcesPage sources, Phrases phrases) {
        this.imports = imports;
        this.sources = sources;
        this.phrases = phrases;
    }

    @PostMapping("/ingest/imports")
    String start(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String onBadLine,
            @RequestParam(required = false) String occurredAtColumn,
            @RequestParam(required = false) String eventIdColumn,
            @RequestParam(required = false) String typeColumn,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String serviceLayerColumn,
            @RequestParam(required = false) String serviceLayerId,
            Model model,
            RedirectAttributes redirect) {
        try {
            EventImports.NewImport request = EventImportRequests.of(
                    file,
                    null,
                    format,
                    onBadLine,
                    occurredAtColumn,
                    eventIdColumn,
                    typeColumn,
                    type,
                    serviceLayerColumn,
                    serviceLayerId,
                    List.of());
            EventImport started = imports.start(request, file.getInputStream());
            redirect.addFlashAttribute("notice", "ingest.import.started");
            return "redirect:/ingest/imports/" + started.id();
        } catch (InvalidInputException | ConflictException | PayloadTooLargeException e) {
            // The form keeps the mapping that was typed (a browser never keeps the file) and says why.
            model.addAttribute("importProblem", phrases.problem(e, LocaleContextHolder.getLocale()));
            model.addAttribute(
                    "importForm",
                    new ImportForm(
                            format,
                            onBadLine,
                            occurredAtColumn,
                            eventIdColumn,
                            typeColumn,
                            type,
                            serviceLayerColumn,
                            serviceLayerId));
            return sources.render(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the import form sends back when it is shown again. */
    record ImportForm(
            String format,
            String onBadLine,
            String occurredAtColumn,
            String eventIdColumn,
            String typeColumn,
            String type,
            String serviceLayerColumn,
            String serviceLayerId) {}

    /** The page, or (asked by htmx while the import runs) only its progress, polled every second. */
    @GetMapping("/ingest/imports/{id}")
    String page(
            @PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("eventImport", imports.importOf(id));
        return htmx != null ? "ingest/import :: progress" : "ingest/import";
    }

    @PostMapping("/ingest/imports/{id}/retry")
    String retry(@PathVariable String id, RedirectAttributes redirect) {
        try {
            imports.retry(id);
            redirect.addFlashAttribute("notice", "ingest.import.retried");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("problemText", phrases.problem(e, LocaleContextHolder.getLocale()));
        }
        return "redirect:/ingest/imports/" + id;
    }
}
