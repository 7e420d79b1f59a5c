package io.serviceproof.common.web;

import io.serviceproof.common.ConflictException;
import io.serviceproof.common.IntegrityException;
import io.serviceproof.common.InvalidInputException;
import io.serviceproof.common.NotFoundException;
import io.serviceproof.common.PayloadTooLargeException;
import io.serviceproof.common.UnprocessableDocumentException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure under {@code /api} becomes an RFC 9457 problem; the same failure on a page becomes
 * the matching error page (the servlet container renders {@code templates/error/<status>.html}).
 * It applies to all handlers, not only our controllers, so that unknown API paths are problems too.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException exception, WebRequest request) {
        return problem(exception, HttpStatus.NOT_FOUND, exception.getMessage(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException exception, WebRequest request) {
        return problem(exception, HttpStatus.CONFLICT, exception.getMessage(), request);
    }

    @ExceptionHandler(io.serviceproof.common.ServiceUnavailableException.class)
    ResponseEntity<Object> unavailable(
            io.serviceproof.common.ServiceUnavailableException exception, WebRequest request) {
        if (exception.retryAfterSeconds() != null) {
            HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
            if (response != null) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds().toString());
            }
        }
        return problem(exception, HttpStatus.SERVICE_UNAVAILABLE, exception.getMessage(), request);
    }

    @ExceptionHandler(IntegrityException.class)
    ResponseEntity<Object> integrity(IntegrityException exception, WebRequest request) {
        log.error("Integrity check failed: {}", exception.getMessage());
        return problem(exception, HttpStatus.INTERNAL_SERVER_ERROR, exception.getMessage(), request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException exception, WebRequest request) {
        return problem(exception, HttpStatus.CONTENT_TOO_LARGE, exception.getMessage(), request);
    }

    @ExceptionHandler(UnprocessableDocumentException.class)
    ResponseEntity<Object> unprocessable(UnprocessableDocumentException exception, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_ENTITY, "The document was rejected whole; nothing was stored.");
        body.setTitle("Document rejected");
        body.setProperty(
                "errors",
                exception.problems().stream()
                        .map(p -> Map.of("location", p.location(), "detail", p.message()))
                        .toList());
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.UNPROCESSABLE_ENTITY, request);
    }

    /** A form or API upload sent without multipart/form-data: the client's mistake, said so. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> notMultipart(
            org.springframework.web.multipart.MultipartException exception, WebRequest request) {
        return problem(
                exception,
                HttpStatus.BAD_REQUEST,
                "Send the file as multipart/form-data (a form with enctype=\"multipart/form-data\", or curl -F).",
                request);
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Object> invalid(InvalidInputException exception, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        body.setProperty("errors", fieldErrors(exception.fieldErrors()));
        return handleExceptionInternal(exception, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = exception.getBody();
        body.setDetail("The request has invalid fields.");
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : exception.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        body.setProperty("errors", fieldErrors(errors));
        return handleExceptionInternal(exception, body, headers, status, request);
    }

    /** Pages get the error page for the same status; the API gets the problem document. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception exception, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (!ApiRequests.isApi(request)) {
            sendError(request, status);
            return null;
        }
        return super.handleExceptionInternal(exception, body, headers, status, request);
    }

    private ResponseEntity<Object> problem(Exception exception, HttpStatus status, String detail, WebRequest request) {
        return handleExceptionInternal(
                exception, ProblemDetail.forStatusAndDetail(status, detail), new HttpHeaders(), status, request);
    }

    private static List<Map<String, String>> fieldErrors(Map<String, String> errors) {
        return errors.entrySet().stream()
                .map(e -> Map.of("field", e.getKey(), "message", e.getValue() == null ? "invalid" : e.getValue()))
                .toList();
    }

    private static void sendError(WebRequest request, HttpStatusCode status) {
        HttpServletResponse response = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status.value());
            }
        } catch (IOException e) {
            // The client has gone away; there is nobody left to tell.
        }
    }
}
