package com.livegov.governance.imports;

import java.io.IOException;
import java.util.List;

import com.livegov.governance.security.Group;
import com.livegov.governance.settlement.FiguresUpload;
import com.livegov.governance.settlement.SettlementConflict;
import com.livegov.governance.settlement.SettlementRefused;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import com.livegov.governance.workbench.WorkbenchPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The import page (admin and HR): upload a streamer file (CSV or JSON) or a month's settlement figures (CSV). A
 * refused file is shown with the row and column of every error, and nothing is loaded.
 */
@Controller
@WorkbenchPage
class ImportPages {

    private final StreamerImport streamers;
    private final FiguresUpload figures;

    ImportPages(StreamerImport streamers, FiguresUpload figures) {
        this.streamers = streamers;
        this.figures = figures;
    }

    @GetMapping("/imports")
    String page(Authentication login) {
        allowed(login);
        return "imports/imports";
    }

    @PostMapping("/imports/upload")
    String upload(Authentication login, @RequestParam(name = "kind", defaultValue = "streamers") String kind,
            @RequestParam(name = "month", required = false) String month, @RequestParam(name = "file", required = false) MultipartFile file,
            Model model) {
        allowed(login);
        model.addAttribute("kind", kind);
        model.addAttribute("month", month);
        if (file == null || file.isEmpty()) {
            model.addAttribute("problem", "imports.page.noFile");
            return "imports/imports";
        }
        try {
            byte[] content = file.getBytes();
            if ("figures".equals(kind)) {
                model.addAttribute("loaded", figures.upload(month == null ? "" : month.trim(), content, login.getName()));
            } else {
                ImportFormat format = ImportFormat.ofFileName(file.getOriginalFilename()).orElse(ImportFormat.CSV);
                model.addAttribute("result", streamers.importStreamers(content, format, login.getName()));
            }
        } catch (ImportRefused e) {
            model.addAttribute("errors", e.errors());
        } catch (ImportTooLarge e) {
            model.addAttribute("problem", "imports.page.tooLarge");
        } catch (SettlementConflict e) {
            model.addAttribute("problem", "imports.page.frozen");
        } catch (SettlementRefused e) {
            model.addAttribute("problem", "imports.page.badMonth");
        } catch (IOException e) {
            model.addAttribute("problem", "imports.page.unreadable");
        }
        return "imports/imports";
    }

    private static void allowed(Authentication login) {
        List<String> groups = login.getAuthorities().stream().map(org.springframework.security.core.GrantedAuthority::getAuthority).toList();
        if (!groups.contains(Group.ADMIN.id()) && !groups.contains(Group.HR.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
