package com.livegov.governance.processes.changes;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.stream.Collectors;

import com.livegov.governance.processes.changes.BpmnDifference.NotBpmn;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Process changes before they are built: {@code GET /processes/changes} is the workbench page where an admin uploads
 * a BPMN file saved in the Camunda Modeler and reads its review ({@link ProcessChanges}); {@code POST
 * /processes/changes?file=<name>.bpmn} with the file as {@code application/xml} answers the same review as JSON, for
 * scripts and the release pipeline. Only admins: a review names running instances of every process.
 */
@Controller
class ProcessChangesController {

    static final String MAY_REVIEW = "admin";

    private final ProcessChanges changes;

    ProcessChangesController(ProcessChanges changes) {
        this.changes = changes;
    }

    @GetMapping("/processes/changes")
    String page(Authentication login, Model model) {
        mustReview(login);
        model.addAttribute("processIds", changes.deployedProcessIds());
        return "processes/changes";
    }

    @PostMapping(path = "/processes/changes", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String reviewUpload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication login, Model model) {
        mustReview(login);
        model.addAttribute("processIds", changes.deployedProcessIds());
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", "changes.refused.noFile");
            return "processes/changes";
        }
        String text;
        try {
            text = utf8(file.getBytes());
        } catch (IOException e) {
            model.addAttribute("refusal", "changes.refused.notText");
            return "processes/changes";
        }
        try {
            model.addAttribute("review", changes.review(file.getOriginalFilename(), text));
        } catch (NotBpmn e) {
            model.addAttribute("refusal", "changes.refused.notBpmn");
            model.addAttribute("refusalDetail", e.getMessage());
        }
        return "processes/changes";
    }

    @PostMapping(path = "/processes/changes", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/bpmn+xml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<?> review(@RequestParam(name = "file", required = false) String fileName, @RequestBody(required = false) byte[] body,
            Authentication login) {
        mustReview(login);
        if (body == null || body.length == 0) {
            return refused("No file", "Send the BPMN file as the request body (Content-Type application/xml)");
        }
        if (fileName == null || !fileName.matches("[A-Za-z0-9_.-]{1,120}\\.bpmn2?")) {
            return refused("File name needed", "Name the file with ?file=<processId>.bpmn (letters, digits, '.', '_' or '-')");
        }
        try {
            return ResponseEntity.ok(changes.review(fileName, utf8(body)));
        } catch (CharacterCodingException e) {
            return refused("Not a BPMN file", "The file is not UTF-8 text");
        } catch (NotBpmn e) {
            return refused("Not a BPMN file", e.getMessage());
        }
    }

    /** Any other body: the groups are checked first, as for the two kinds of upload, then the type is refused. */
    @PostMapping("/processes/changes")
    @ResponseBody
    ResponseEntity<ProblemDetail> otherBody(Authentication login) {
        mustReview(login);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Send the BPMN file as the request body with Content-Type application/xml, or upload it as a form (multipart/form-data)");
        problem.setTitle("Unsupported content type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ResponseEntity<ProblemDetail> refused(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle(title);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static void mustReview(Authentication login) {
        Set<String> groups = login.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (!groups.contains(MAY_REVIEW)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** A refused page request gets the workbench's error page; the API's refusals are problem documents (see ApiErrors). */
    @ExceptionHandler(ResponseStatusException.class)
    Object refusedPage(ResponseStatusException e, jakarta.servlet.http.HttpServletRequest request) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        String accept = request.getHeader("Accept");
        if (request.getHeader("Authorization") != null || accept == null || !accept.contains(MediaType.TEXT_HTML_VALUE)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Only admins review process changes");
            problem.setTitle("Not allowed");
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return new ModelAndView("error", java.util.Map.of("status", status.value()), status);
    }
}
